// A timeout whose deadline has already passed (timeout(0), timeout(-1), timeout_at(past)) does not interrupt the body at
// once: it fires at the body's first suspension (even sleep(0)); a body that never suspends completes and expired() stays False.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function noSuspend() {
  log("no_suspend: runs to the end without awaiting anything real");
  return 1;
}

async function main() {
  const loop = asyncio.getRunningLoop();
  // `cm` is read after its block, so it is declared outside (Python: `async with ... as cm`).
  let cm: asyncio.Timeout;
  {
    await using _ = (cm = asyncio.timeout(0));
    const r = await noSuspend();
    log(`body completed with ${r}`);
  }
  log(`timeout(0) without suspension: expired=${str(cm.expired())}`);
  const cases: [string, asyncio.Timeout][] = [["timeout(-1)", asyncio.timeout(-1)], ["timeout_at(past)", asyncio.timeoutAt(loop.time() - 5)]];
  for (const [label, c] of cases) {
    cm = c;
    try {
      await using _ = cm;
      log(`${label}: body starts`);
      await asyncio.sleep(0);
      log(`${label}: not reached`);
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      log(`${label}: ${excStr(e)} at the first sleep(0), expired=${str(cm.expired())}`);
    }
  }
  await asyncio.sleep(1);
  try {
    await using _ = asyncio.timeout(0);
    await asyncio.sleep(1);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log("timeout(0) around sleep(1): TimeoutError without any delay");
  }
}

asyncio.run(main());
