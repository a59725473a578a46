// asyncio.timeout(d) (3.11): cancels the enclosing task at now+d and turns that CancelledError into TimeoutError at the
// async-with exit; expired() and when() report its state.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function main() {
  const loop = asyncio.getRunningLoop();
  // `cm` is read after its block, so it is declared outside (Python: `async with ... as cm`).
  let cm: asyncio.Timeout;
  {
    await using _ = (cm = asyncio.timeout(2));
    log(`when()=${cm.when()!.toFixed(3)} expired=${str(cm.expired())}`);
    await asyncio.sleep(1);
  }
  log(`finished in time: expired=${str(cm.expired())}`);
  try {
    await using _ = (cm = asyncio.timeout(1.5));
    log(`when()=${cm.when()!.toFixed(3)}`);
    try {
      await asyncio.sleep(10);
    } catch (e) {
      if (e instanceof asyncio.CancelledError) log(`body sees ${excStr(e)}`);
      throw e;
    }
    log("not reached");
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log(`caught ${excStr(e)} cause=${(e.__cause__ as Error).name} expired=${str(cm.expired())}`);
  }
  {
    await using cm2 = asyncio.timeoutAt(loop.time() + 0.5);
    log(`timeout_at when()=${cm2.when()!.toFixed(3)}`);
  }
  log(`cancelling()=${asyncio.currentTask()!.cancelling()}`);
}

asyncio.run(main());
