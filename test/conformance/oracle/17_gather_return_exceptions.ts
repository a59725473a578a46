// gather(return_exceptions=True) waits for all children and puts exception objects in the result list in argument order.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function ok(x: number, delay: number) {
  await asyncio.sleep(delay);
  return x * 10;
}

async function bad(msg: string, delay: number) {
  await asyncio.sleep(delay);
  throw new RuntimeError(msg);
}

async function main() {
  const res = await asyncio.gather(ok(1, 1), bad("boom", 0.5), ok(2, 2), bad("", 3), { returnExceptions: true });
  log(`gather finished with ${res.length} results`);
  for (const [i, r] of res.entries()) {
    log(`  [${i}] ${r instanceof BaseException ? excStr(r) : str(r)}`);
  }
}

asyncio.run(main());
