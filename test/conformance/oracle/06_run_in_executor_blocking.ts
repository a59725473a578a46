// Blog: run_in_executor moves a 2 s blocking function off the loop; a concurrent ticker keeps ticking, the result arrives at t=2.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

function blockingIo() {
  time.sleep(2); // blocks this worker thread for 2 virtual s
  log("blocking_io end (thread)");
  return "file contents";
}

async function ticker() {
  for (let i = 0; i < 4; i++) {
    log(`tick ${i}`);
    await asyncio.sleep(0.5);
  }
}

async function main() {
  const loop = asyncio.getRunningLoop();
  const t = asyncio.createTask(ticker());
  const fut = loop.runInExecutor(null, blockingIo);
  log(`submitted, future done=${str(fut.done())}`);
  const result = await fut;
  log(`result=${repr(result)}`);
  await t;
}

asyncio.run(main());
