// When a child of gather is cancelled (not the gather), gather raises CancelledError and leaves the siblings running; with
// return_exceptions=True the child's CancelledError is a result entry and loses its cancel message.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function child(name: string, delay: number) {
  await asyncio.sleep(delay);
  log(`${name} done`);
  return name;
}

async function main() {
  const a = asyncio.createTask(child("A", 1));
  const b = asyncio.createTask(child("B", 2));
  const g = asyncio.gather(a, b);
  await asyncio.sleep(0.5);
  a.cancel("stop A");
  try {
    await g;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    log(`gather raised ${excStr(e)}; b.done()=${str(b.done())}`);
  }
  log(`main task cancelling()=${asyncio.currentTask()!.cancelling()} g.cancelled()=${str(g.cancelled())}`);
  const c = asyncio.createTask(child("C", 1));
  const d = asyncio.createTask(child("D", 1.75));
  const g2 = asyncio.gather(c, d, { returnExceptions: true });
  await asyncio.sleep(0.5);
  c.cancel("stop C");
  const res = await g2;
  log(`return_exceptions -> ${str(res.map((r) => (r instanceof BaseException ? excStr(r) : r)))}`);
  await b;
}

asyncio.run(main());
