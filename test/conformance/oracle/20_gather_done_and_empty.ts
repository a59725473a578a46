// gather(): empty -> [] without suspending; an already-done task is just collected; the same awaitable twice is awaited once but reported twice.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

async function value(v: string) {
  log(`value(${v}) runs`);
  return v;
}

async function main() {
  const other = asyncio.createTask(value("other"));
  const g = asyncio.gather();
  log(`empty gather: done=${str(g.done())} result=${str(g.result())}`);
  log(`await empty gather -> ${str(await asyncio.gather())} (other.done=${str(other.done())})`);
  const t = asyncio.createTask(value("t"));
  await asyncio.sleep(0);
  log(`t done=${str(t.done())}`);
  log(`gather(done task) -> ${str(await asyncio.gather(t))}`);
  const t2 = asyncio.createTask(value("t2"));
  log(`gather(t2, t2, t) -> ${str(await asyncio.gather(t2, t2, t))}`);
}

asyncio.run(main());
