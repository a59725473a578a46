// Barrier(n) (3.11+): wait() blocks until n tasks wait, then all pass together with their arrival index and the barrier
// refills for the next round; reset() and abort() raise BrokenBarrierError in waiters; Barrier(0) is a ValueError.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function runner(b: asyncio.Barrier, name: string, delay: number) {
  await asyncio.sleep(delay);
  log(`${name} arrives, n_waiting=${b.nWaiting}`);
  const i = await b.wait();
  log(`${name} passes with index ${i}`);
  return i;
}

async function main() {
  const b = new asyncio.Barrier(3);
  log(`${repr(b)} parties=${b.parties} broken=${str(b.broken)}`);
  let r = await asyncio.gather(runner(b, "A", 1), runner(b, "B", 2), runner(b, "C", 0.5));
  log(`round 1 -> ${str(r)} ${repr(b)}`);
  r = await asyncio.gather(runner(b, "D", 0), runner(b, "E", 0), runner(b, "F", 0));
  log(`round 2 -> ${str(r)}`);
  let t = asyncio.createTask(runner(b, "G", 0));
  await asyncio.sleep(1);
  log(repr(b));
  await b.reset();
  try {
    await t;
  } catch (e) {
    if (!(e instanceof asyncio.BrokenBarrierError)) throw e;
    log(`G after reset: ${excStr(e)}, a RuntimeError: ${str(e instanceof RuntimeError)}`);
  }
  t = asyncio.createTask(runner(b, "H", 0));
  await asyncio.sleep(1);
  await b.abort();
  try {
    await t;
  } catch (e) {
    if (!(e instanceof asyncio.BrokenBarrierError)) throw e;
    log(`H after abort: ${excStr(e)} broken=${str(b.broken)} ${repr(b)}`);
  }
  try {
    await b.wait();
  } catch (e) {
    if (!(e instanceof asyncio.BrokenBarrierError)) throw e;
    log(`wait on a broken barrier: ${excStr(e)}`);
  }
  for (const bad of [0, -1]) {
    try {
      new asyncio.Barrier(bad);
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      log(`Barrier(${bad}): ${excStr(e)}`);
    }
  }
  {
    // Python's `async with barrier as pos` binds what __aenter__ returns: this task's index.
    await using pos = new asyncio.Barrier(1);
    log(`async with Barrier(1) as pos: ${str(pos)}`);
  }
}

asyncio.run(main());
