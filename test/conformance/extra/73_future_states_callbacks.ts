// Future: result() while pending -> InvalidStateError('Result is not set.'); setting twice -> InvalidStateError('invalid
// state'); done callbacks run one iteration after completion, in registration order, also when added to an already-done
// future; remove_done_callback returns the count removed.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function main() {
  const loop = asyncio.getRunningLoop();
  const f = loop.createFuture<number>();
  try {
    f.result();
  } catch (e) {
    if (!(e instanceof asyncio.InvalidStateError)) throw e;
    log(`result() while pending: ${excStr(e)}`);
  }
  const cb = (fut: asyncio.Future<number>, tag: string) => log(`callback ${tag}: result=${fut.result()}`);
  f.addDoneCallback((fut) => cb(fut, "A"));
  const extra = (fut: asyncio.Future<number>) => cb(fut, "removed");
  f.addDoneCallback(extra);
  f.addDoneCallback(extra);
  f.addDoneCallback((fut) => cb(fut, "B"));
  log(`remove_done_callback -> ${f.removeDoneCallback(extra)}`);
  f.setResult(1);
  log("set_result(1) done; callbacks not run yet");
  try {
    f.setResult(2);
  } catch (e) {
    if (!(e instanceof asyncio.InvalidStateError)) throw e;
    log(`set_result twice: ${excStr(e)}`);
  }
  f.addDoneCallback((fut) => cb(fut, "late"));
  await asyncio.sleep(0);
  log("after one iteration");
  const c = loop.createFuture();
  c.cancel();
  try {
    c.exception();
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    log(`exception() of a cancelled future raises ${excStr(e)}`);
  }
  const e = loop.createFuture();
  e.setException(new KeyError("x"));
  log(`exception() -> ${excStr(e.exception())}; done=${str(e.done())} cancelled=${str(e.cancelled())}`);
}

asyncio.run(main());
