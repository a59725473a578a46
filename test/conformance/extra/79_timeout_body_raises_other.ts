// When the body turns the timeout's CancelledError into another exception, timeout() lets that exception through; current
// Python inserts a TimeoutError into its __context__ chain (3.11: only the CancelledError).
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function main() {
  // `cm` is read in the handler, so it is declared outside (Python: `async with ... as cm`).
  let cm!: asyncio.Timeout;
  try {
    await using _ = (cm = asyncio.timeout(1));
    try {
      await asyncio.sleep(5);
    } catch (e) {
      if (!(e instanceof asyncio.CancelledError)) throw e;
      log("body: cancelled, raising RuntimeError instead");
      // Python chains implicitly: raised while handling `e`, the RuntimeError gets `e` as its __context__.
      const converted = new RuntimeError("converted");
      converted.__context__ = e;
      throw converted;
    }
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    const chain: string[] = [];
    let c = e.__context__;
    while (c !== null) {
      chain.push((c as Error).name);
      c = (c as BaseException).__context__;
    }
    log(`caught ${excStr(e)}; expired=${str(cm.expired())}; context chain: ${str(chain)}`);
  }
}

asyncio.run(main());
