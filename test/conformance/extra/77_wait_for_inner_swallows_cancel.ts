// If the awaited coroutine catches the timeout's CancelledError and returns a value, wait_for (and timeout()) returns that
// value instead of raising TimeoutError, after the inner cleanup; timeout().expired() is still True.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

async function stubborn(name: string) {
  try {
    await asyncio.sleep(10);
    return "finished";
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    log(`${name}: cancelled, returning a fallback after 0.25 s`);
    await asyncio.sleep(0.25);
    return "fallback";
  }
}

async function main() {
  let r = await asyncio.waitFor(stubborn("wait_for"), 1);
  log(`wait_for -> ${repr(r)}`);
  const cm = asyncio.timeout(1);
  {
    await using _ = cm;
    r = await stubborn("timeout");
  }
  log(`timeout block -> ${repr(r)}, expired=${str(cm.expired())}`);
  log(`cancelling()=${asyncio.currentTask()!.cancelling()}`);
}

asyncio.run(main());
