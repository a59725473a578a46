// timeout() converts only its own cancellation: a cancel() from outside during the block passes through as CancelledError
// (with its message), also when the deadline then fires during the cleanup (expired() is True, and that second
// cancellation's message-less CancelledError is what propagates).
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function inTimeout(cleanup: number) {
  // `cm` is read in the handler, so it is declared outside (Python: `async with ... as cm`).
  let cm!: asyncio.Timeout;
  try {
    await using _ = (cm = asyncio.timeout(1.5));
    try {
      await asyncio.sleep(10);
    } finally {
      await asyncio.sleep(cleanup);
    }
  } catch (e) {
    if (e instanceof TimeoutError) {
      log("in_timeout: TimeoutError");
    } else if (e instanceof asyncio.CancelledError) {
      log(`in_timeout(cleanup=${cleanup}): ${excStr(e)} passes through, expired=${str(cm.expired())}`);
      throw e;
    } else {
      throw e;
    }
  }
}

async function main() {
  for (const cleanup of [0, 1]) {
    const t = asyncio.createTask(inTimeout(cleanup));
    await asyncio.sleep(1);
    t.cancel("from main");
    await asyncio.gather(t, { returnExceptions: true });
    log(`task cancelled=${str(t.cancelled())}`);
  }
}

asyncio.run(main());
