import * as asyncio from "asyncio";

async function greet(name: string) {
  print(`${name} says hello`);
  await asyncio.sleep(1);
  print(`${name} says goodbye`);
}

async function main() {
  await greet("Ada");
  await asyncio.gather(greet("Guido"), greet("Grace"));
}

asyncio.run(main());
