import * as asyncio from "asyncio";

async function greet(name: string) {
  print(`${name} says hello`);
  await asyncio.sleep(1);
  print(`${name} says goodbye`);
}

async function main() {
  greet("Ada"); // no await: this makes a coroutine object and throws it away
  print("main is done");
}

asyncio.run(main());
