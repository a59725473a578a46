import * as asyncio from "asyncio";
import * as time from "time";

async function greet(name: string) {
  print(`${name} says hello`);
  await asyncio.sleep(1);
  print(`${name} says goodbye`);
}

async function main() {
  const start = time.monotonic();
  // Awaiting a coroutine runs it to the end before the next line starts.
  await greet("Ada");
  await greet("Guido");
  print(`took ${(time.monotonic() - start).toFixed(1)} s`);
}

asyncio.run(main());
