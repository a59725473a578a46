// asyncio.timeout(None) never fires and when() is None; reschedule(t) arms, moves or (with None) disarms the deadline while
// inside the block; a deadline already in the past fires at the next suspension.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function main() {
  const loop = asyncio.getRunningLoop();
  // `cm` is read after its blocks, so it is declared outside (Python: `async with ... as cm`).
  let cm: asyncio.Timeout;
  {
    await using _ = (cm = asyncio.timeout(null));
    log(`timeout(None): when()=${str(cm.when())} expired=${str(cm.expired())}`);
    await asyncio.sleep(1);
  }
  log(`no deadline: completed, expired=${str(cm.expired())}`);
  try {
    await using _ = (cm = asyncio.timeout(null));
    cm.reschedule(loop.time() + 0.5);
    log(`armed: when()=${cm.when()!.toFixed(3)}`);
    await asyncio.sleep(0.25);
    cm.reschedule(loop.time() + 1);
    log(`moved later: when()=${cm.when()!.toFixed(3)}`);
    await asyncio.sleep(5);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log(`rescheduled deadline fired: ${excStr(e)} expired=${str(cm.expired())}`);
  }
  {
    await using _ = (cm = asyncio.timeout(0.5));
    cm.reschedule(null);
    log(`disarmed: when()=${str(cm.when())}`);
    await asyncio.sleep(2);
  }
  log(`disarmed block completed, expired=${str(cm.expired())}`);
  try {
    await using _ = (cm = asyncio.timeout(10));
    await asyncio.sleep(0.5);
    cm.reschedule(loop.time() - 1);
    log("rescheduled into the past; still running until the next await");
    await asyncio.sleep(0);
    log("not reached");
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log(`past deadline fired at the next suspension, expired=${str(cm.expired())}`);
  }
}

asyncio.run(main());
