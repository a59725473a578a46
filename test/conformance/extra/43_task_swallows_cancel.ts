// A task may catch CancelledError and go on: it is then not cancelled(), finishes with its own result, and cancelling()
// stays 1 (it never called uncancel()); a caller awaiting it gets that result.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

async function stubborn() {
  try {
    await asyncio.sleep(5);
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    log(`stubborn: caught CancelledError, cancelling()=${asyncio.currentTask()!.cancelling()}`);
  }
  await asyncio.sleep(1);
  log("stubborn: finished anyway");
  return "kept going";
}

async function main() {
  const t = asyncio.createTask(stubborn());
  await asyncio.sleep(1);
  log(`cancel() -> ${str(t.cancel())}`);
  const r = await t;
  log(`await t -> ${repr(r)}; cancelled=${str(t.cancelled())} cancelling()=${t.cancelling()}`);
  log(`cancel() on the finished task -> ${str(t.cancel())}`);
  const t2 = asyncio.createTask(stubborn());
  await asyncio.sleep(1);
  t2.cancel();
  await asyncio.sleep(0.5);
  log(`second cancel() while it sleeps again -> ${str(t2.cancel())} cancelling()=${t2.cancelling()}`);
  try {
    await t2;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    log(`t2 cancelled=${str(t2.cancelled())} after the second cancel`);
  }
}

asyncio.run(main());
