import * as asyncio from "asyncio";

async function greet(name: string) {
  print(`${name} says hello`);
  await asyncio.sleep(1);
  print(`${name} says goodbye`);
}

async function main() {
  // One gather for all three: each greeter is a task, and their waits overlap.
  await asyncio.gather(greet("Ada"), greet("Guido"), greet("Grace"));
}

asyncio.run(main());
