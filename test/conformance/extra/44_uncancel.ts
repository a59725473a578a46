// uncancel() decrements cancelling() (never below 0) and lets a task that caught CancelledError carry on as not cancelled;
// since 3.13, when the count drops to 0 it also withdraws a cancel() not yet delivered (3.11: delivered anyway).
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

async function recovers() {
  const task = asyncio.currentTask()!;
  try {
    await asyncio.sleep(5);
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    log(`recovers: caught, cancelling()=${task.cancelling()} uncancel() -> ${task.uncancel()}`);
  }
  log(`recovers: uncancel() again -> ${task.uncancel()}`);
  await asyncio.sleep(1);
  return "recovered";
}

async function selfCancel() {
  const task = asyncio.currentTask()!;
  log(`self_cancel: cancel() -> ${str(task.cancel())} then uncancel() -> ${task.uncancel()}`);
  try {
    await asyncio.sleep(0.5);
    log("self_cancel: the undelivered cancel was withdrawn");
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    log("self_cancel: CancelledError delivered anyway");
  }
  return task.cancelling();
}

async function main() {
  let t: asyncio.Task<unknown> = asyncio.createTask(recovers());
  await asyncio.sleep(1);
  t.cancel();
  log(`await -> ${repr(await t)}, cancelled=${str(t.cancelled())} cancelling()=${t.cancelling()}`);
  t = asyncio.createTask(selfCancel());
  log(`self_cancel -> cancelling()=${await t} cancelled=${str(t.cancelled())}`);
}

asyncio.run(main());
