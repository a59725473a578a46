// wait_for and timeout() raise TimeoutError only after the cancelled work has finished its cleanup: with 0.5 s of cleanup the
// caller sees the TimeoutError at deadline + 0.5.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function work(name: string) {
  try {
    await asyncio.sleep(10);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) {
      log(`${name}: cancelled, cleaning up for 0.5 s`);
      await asyncio.sleep(0.5);
      log(`${name}: cleanup done`);
    }
    throw e;
  }
}

async function main() {
  const loop = asyncio.getRunningLoop();
  let start = loop.time();
  try {
    await asyncio.waitFor(work("wait_for"), 1);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log(`wait_for(timeout=1) -> ${excStr(e)} after ${(loop.time() - start).toFixed(3)} s`);
  }
  start = loop.time();
  try {
    await using _ = asyncio.timeout(1);
    await work("timeout");
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log(`timeout(1) -> ${excStr(e)} after ${(loop.time() - start).toFixed(3)} s`);
  }
  const t = asyncio.createTask(work("task"));
  start = loop.time();
  try {
    await asyncio.waitFor(t, 1);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log(`wait_for(task, 1) -> TimeoutError after ${(loop.time() - start).toFixed(3)} s, task cancelled=${str(t.cancelled())}`);
  }
}

asyncio.run(main());
