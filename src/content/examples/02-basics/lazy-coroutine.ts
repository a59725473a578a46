import * as asyncio from "asyncio";

async function greet(name: string) {
  print(`${name} says hello`);
  await asyncio.sleep(1);
  print(`${name} says goodbye`);
}

async function main() {
  const coro = greet("Ada"); // a coroutine object: none of greet's body has run
  print("coroutine created");
  await asyncio.sleep(1); // main yields for a whole second...
  print("still nothing from Ada"); // ...and a bare coroutine never runs on its own
  await coro; // now greet runs, inside main's task
}

asyncio.run(main());
