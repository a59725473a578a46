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
  time.sleep(2); // blocks only the worker thread it runs on
  return "done";
}

async function runBlocking() {
  const ticks = asyncio.createTask(ticker());
  await asyncio.sleep(0.8);
  const loop = asyncio.getRunningLoop();
  // null means the loop's default thread pool.
  const result = await loop.runInExecutor(null, blockingTask);
  print(`${result} at ${elapsed()} s`);
  await ticks;
}

asyncio.run(runBlocking());
