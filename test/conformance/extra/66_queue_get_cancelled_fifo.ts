// Queue.get() waiters are served FIFO; a getter cancelled while waiting leaves the queue and the order of the others intact;
// a getter woken by put() but cancelled before it runs passes the item on to the next getter.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

async function getter(name: string, q: asyncio.Queue<string>) {
  try {
    const item = await q.get();
    log(`${name} got ${repr(item)}`);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) log(`${name} cancelled`);
    throw e;
  }
}

async function main() {
  const q = new asyncio.Queue<string>();
  const gs: Record<string, asyncio.Task> = {};
  for (const n of ["G1", "G2", "G3", "G4"]) gs[n] = asyncio.createTask(getter(n, q));
  await asyncio.sleep(1);
  gs["G2"].cancel();
  await asyncio.sleep(0);
  q.putNowait("a");
  q.putNowait("b");
  await asyncio.sleep(1);
  q.putNowait("c");
  log(`put 'c' woke G4; cancel G4 before it runs -> ${str(gs["G4"].cancel())}`);
  await asyncio.sleep(0);
  log(`qsize=${q.qsize()} (the item was not lost)`);
  const g5 = asyncio.createTask(getter("G5", q));
  await asyncio.sleep(0);
  log(`G5 done=${str(g5.done())} qsize=${q.qsize()}`);
}

asyncio.run(main());
