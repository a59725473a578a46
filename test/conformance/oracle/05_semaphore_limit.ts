// Blog: Semaphore(3) limits 10 one-second fetches to 3 at a time: batches start at t=0,1,2,3 in FIFO order, total 4 s.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

async function fetch(i: number, sem: asyncio.Semaphore) {
  {
    await using _ = sem;
    log(`fetch ${i} start`);
    await asyncio.sleep(1);
    log(`fetch ${i} done`);
  }
  return i;
}

async function main() {
  const sem = new asyncio.Semaphore(3);
  const coros = [];
  for (let i = 0; i < 10; i++) coros.push(fetch(i, sem));
  const res = await asyncio.gather(...coros);
  log(`results ${str(res)}`);
}

asyncio.run(main());
