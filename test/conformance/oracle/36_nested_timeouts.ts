// Nested asyncio.timeout: the earliest deadline fires; only the context manager that fired converts CancelledError to
// TimeoutError, the other lets it pass through unchanged.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function attempt(outerD: number, innerD: number, work: number) {
  log(`--- outer=${outerD} inner=${innerD} work=${work}`);
  // Python's `as outer` / `as inner` names stay visible after their blocks.
  let outer!: asyncio.Timeout;
  let inner!: asyncio.Timeout;
  try {
    await using _outer = (outer = asyncio.timeout(outerD));
    try {
      {
        await using _inner = (inner = asyncio.timeout(innerD));
        await asyncio.sleep(work);
      }
      log("inner block completed");
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      log(`inner timeout caught inside outer (inner.expired=${str(inner.expired())})`);
      await asyncio.sleep(0.25);
      log("outer body continues after inner timeout");
    }
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log(`outer raised ${excStr(e)} (outer.expired=${str(outer.expired())} inner.expired=${str(inner.expired())})`);
  }
}

async function main() {
  await attempt(1, 5, 3); // outer fires first
  await attempt(5, 1, 3); // inner fires first, outer keeps going
  await attempt(2, 1, 0.5); // nothing fires
}

asyncio.run(main());
