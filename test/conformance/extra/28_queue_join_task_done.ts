// Queue.join() returns once task_done() was called for every item put (not when the queue is merely empty); join() with
// nothing unfinished returns at once; one task_done() too many raises ValueError.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function worker(name: string, q: asyncio.Queue<number>) {
  while (true) {
    const item = await q.get();
    log(`${name} got ${item}`);
    await asyncio.sleep(item);
    log(`${name} finished ${item}`);
    q.taskDone();
  }
}

async function main() {
  const q = new asyncio.Queue<number>();
  await q.join();
  log("join() on a fresh queue returned at once");
  for (const item of [1, 0.5, 2, 0.25]) {
    q.putNowait(item);
  }
  const ws = ["w1", "w2"].map((n) => asyncio.createTask(worker(n, q)));
  await asyncio.sleep(1.125);
  log(`empty=${str(q.empty())} but join() still waits`);
  await q.join();
  log(`join() returned, qsize=${q.qsize()}`);
  for (const w of ws) {
    w.cancel();
  }
  try {
    q.taskDone();
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    log(`extra task_done(): ${excStr(e)}`);
  }
}

asyncio.run(main());
