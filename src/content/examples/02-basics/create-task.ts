import * as asyncio from "asyncio";

async function greet(name: string) {
  print(`${name} says hello`);
  await asyncio.sleep(1);
  print(`${name} says goodbye`);
}

async function main() {
  const task = asyncio.createTask(greet("Ada"));
  print("task created"); // scheduled, but greet has not started yet
  await asyncio.sleep(0); // main yields, so the task takes its first step
  print("main is back");
  await task; // wait for the task to finish
  print("task done:", task.done());
}

asyncio.run(main());
