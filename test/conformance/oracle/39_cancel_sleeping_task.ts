// task.cancel() on a sleeping task: CancelledError is raised at its await on the next iteration, finally blocks run, and the
// task ends cancelled; awaiting it re-raises CancelledError.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function sleeper() {
  log("sleeper: going to sleep for 10 s");
  try {
    await asyncio.sleep(10);
    log("sleeper: woke normally (not reached)");
  } catch (e) {
    if (e instanceof asyncio.CancelledError) log("sleeper: caught CancelledError, cleaning up");
    throw e;
  } finally {
    log("sleeper: finally");
  }
}

async function main() {
  const t = asyncio.createTask(sleeper());
  await asyncio.sleep(2);
  log(`cancel() -> ${str(t.cancel())}; done=${str(t.done())} cancelled=${str(t.cancelled())}`);
  await asyncio.sleep(0);
  log(`after one iteration: done=${str(t.done())} cancelled=${str(t.cancelled())}`);
  try {
    await t;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    log(`await t raised ${excStr(e)}`);
  }
  log(`main itself cancelling()=${asyncio.currentTask()!.cancelling()}`);
}

asyncio.run(main());
