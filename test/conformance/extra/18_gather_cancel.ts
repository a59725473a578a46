// g.cancel() on a pending gather returns True and cancels every child; the gather then ends with a CancelledError
// *exception*: g.cancelled() is False, awaiting it raises CancelledError.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function child(name: string, delay: number) {
  try {
    await asyncio.sleep(delay);
    log(`${name} done`);
    return name;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) log(`${name} cancelled`);
    throw e;
  }
}

async function main() {
  const a = asyncio.createTask(child("A", 1));
  const b = asyncio.createTask(child("B", 2));
  const g = asyncio.gather(a, b, child("C", 3));
  await asyncio.sleep(1.5);
  log(`A done=${str(a.done())}; g.cancel() -> ${str(g.cancel())}`);
  log(`right after: g.done()=${str(g.done())} b.cancelled()=${str(b.cancelled())}`);
  try {
    await g;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    log(`await g -> ${excStr(e)}`);
  }
  log(`g.done()=${str(g.done())} g.cancelled()=${str(g.cancelled())} exception=${(g.exception() as Error).name}`);
  log(`children: A=${a.result()} B cancelled=${str(b.cancelled())}; g.cancel() again -> ${str(g.cancel())}`);
}

asyncio.run(main());
