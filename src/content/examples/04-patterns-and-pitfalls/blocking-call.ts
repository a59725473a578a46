import * as asyncio from "asyncio";
import * as time from "time";

const start = time.monotonic();
const elapsed = () => (time.monotonic() - start).toFixed(1);

async function ticker() {
  for (let i = 1; i <= 6; i++) {
    await asyncio.sleep(0.5);
    print(`tick ${i} at ${elapsed()} s`);
  }
}

function blockingTask(): string {
  time.sleep(2); // think: a slow library call, a big file read, heavy computation
  return "done";
}

async function main() {
  const ticks = asyncio.createTask(ticker());
  await asyncio.sleep(0.8);
  const result = blockingTask(); // called straight from a coroutine: the loop stops
  print(`${result} at ${elapsed()} s`);
  await ticks;
}

asyncio.run(main());
