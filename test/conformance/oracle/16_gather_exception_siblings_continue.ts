// gather(return_exceptions=False): the first exception propagates to the awaiter immediately, but siblings are NOT cancelled and keep running to completion.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function ok(name: string, delay: number) {
  try {
    await asyncio.sleep(delay);
    log(`${name} completed`);
    return name;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) log(`${name} cancelled`);
    throw e;
  }
}

async function bad(delay: number) {
  await asyncio.sleep(delay);
  log("bad raises ValueError");
  throw new ValueError("bad input");
}

async function main() {
  const a = asyncio.createTask(ok("A", 2));
  const b = asyncio.createTask(ok("B", 3));
  try {
    await asyncio.gather(a, bad(1), b);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    log(`gather raised ${excStr(e)}`);
  }
  log(`A done=${str(a.done())} B done=${str(b.done())}`);
  await asyncio.sleep(5);
  log(`A result=${a.result()} B result=${b.result()}`);
}

asyncio.run(main());
