import * as asyncio from "asyncio";
import * as time from "time";

async function greet(name: string) {
  print(`${name} says hello`);
  await asyncio.sleep(1); // greet pauses here, and the loop runs another task
  print(`${name} says goodbye`);
}

async function main() {
  const start = time.monotonic();
  await asyncio.gather(greet("Ada"), greet("Guido"));
  print(`took ${(time.monotonic() - start).toFixed(1)} s`);
}

asyncio.run(main());
