// wait_for: returns the result if the awaitable finishes in time; on timeout it cancels the inner task, waits for it to finish
// cancelling, then raises TimeoutError (empty message).
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function op(name: string, delay: number) {
  log(`${name} start`);
  try {
    await asyncio.sleep(delay);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) log(`${name} cancelled`);
    throw e;
  }
  log(`${name} end`);
  return name.toUpperCase();
}

async function main() {
  const r = await asyncio.waitFor(op("quick", 1), 2);
  log(`wait_for quick -> ${r}`);
  try {
    await asyncio.waitFor(op("slow", 5), 2);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log(`wait_for slow -> ${excStr(e)} (cause=${(e.__cause__ as Error).name})`);
  }
  const t = asyncio.createTask(op("task", 5));
  try {
    await asyncio.waitFor(t, 1);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log(`timed out waiting for task: cancelled=${str(t.cancelled())}`);
  }
}

asyncio.run(main());
