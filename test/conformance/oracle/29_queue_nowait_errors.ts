// get_nowait() on empty raises QueueEmpty and put_nowait() on full raises QueueFull (both with empty str());
// LifoQueue/PriorityQueue change the get order.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
// Python's tuples are arrays here (PriorityQueue compares arrays as tuples); this prints one as a tuple.
const tupleRepr = (t: unknown[]) => `(${t.map((x) => repr(x)).join(", ")})`;

async function main() {
  const q = new asyncio.Queue<string>({ maxsize: 1 });
  log(`empty=${str(q.empty())} full=${str(q.full())} qsize=${q.qsize()} maxsize=${q.maxsize}`);
  try {
    q.getNowait();
  } catch (e) {
    if (!(e instanceof asyncio.QueueEmpty)) throw e;
    log(`get_nowait raised ${e.name}, str(e)=${repr(str(e))}`);
  }
  q.putNowait("a");
  try {
    q.putNowait("b");
  } catch (e) {
    if (!(e instanceof asyncio.QueueFull)) throw e;
    log(`put_nowait raised ${e.name}, str(e)=${repr(str(e))}`);
  }
  log(`empty=${str(q.empty())} full=${str(q.full())} qsize=${q.qsize()}`);
  const unbounded = new asyncio.Queue<number>();
  for (let i = 0; i < 100; i++) unbounded.putNowait(i);
  log(`Queue() maxsize=${unbounded.maxsize} full=${str(unbounded.full())} qsize=${unbounded.qsize()}`);
  const [lifo, prio] = [new asyncio.LifoQueue<number>(), new asyncio.PriorityQueue<[number, string]>()];
  for (const x of [3, 1, 2]) {
    lifo.putNowait(x);
    prio.putNowait([x, `p${x}`]);
  }
  log(`LifoQueue order: ${str([0, 1, 2].map(() => lifo.getNowait()))}`);
  log(`PriorityQueue order: [${[0, 1, 2].map(() => tupleRepr(prio.getNowait())).join(", ")}]`);
  try {
    await asyncio.waitFor(q.put("c"), 0.5);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log(`put on full queue timed out; qsize=${q.qsize()}`);
  }
}

asyncio.run(main());
