// Semaphore(-1) -> ValueError('Semaphore initial value must be >= 0'); a plain Semaphore may be released above its initial value,
// BoundedSemaphore raises ValueError.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function main() {
  try {
    new asyncio.Semaphore(-1);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    log(`Semaphore(-1): ${excStr(e)}`);
  }
  const sem = new asyncio.Semaphore(1);
  sem.release();
  sem.release();
  let got = 0;
  while (!sem.locked()) {
    await sem.acquire();
    got += 1;
  }
  log(`Semaphore(1) released twice extra -> ${got} immediate acquires`);
  const bsem = new asyncio.BoundedSemaphore(2);
  await bsem.acquire();
  bsem.release();
  log("BoundedSemaphore: acquire+release fine");
  try {
    bsem.release();
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    log(`BoundedSemaphore extra release: ${excStr(e)}`);
  }
  log(`bsem.locked()=${str(bsem.locked())}`);
}

asyncio.run(main());
