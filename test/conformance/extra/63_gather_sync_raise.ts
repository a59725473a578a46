// A coroutine that raises before its first await fails only when its task first runs (next iteration), not at the gather()
// call; its siblings have started by then and keep running; gather() of a non-awaitable raises TypeError, yet the coroutines
// before it were already wrapped in tasks that run.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function raisesAtOnce() {
  log("raises_at_once: body starts");
  throw new ValueError("sync failure");
}

async function slow(name: string) {
  log(`${name} starts`);
  await asyncio.sleep(1);
  log(`${name} done`);
  return name;
}

async function main() {
  const g = asyncio.gather(slow("A"), raisesAtOnce(), slow("B"));
  log(`gather() returned, done=${str(g.done())}`);
  try {
    await g;
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    log(`await gather -> ${excStr(e)}`);
  }
  await asyncio.sleep(1.5);
  try {
    asyncio.gather(slow("orphan"), 42 as unknown as asyncio.Future);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    log(`gather(coro, 42): ${excStr(e)}`);
  }
  await asyncio.sleep(1.5);
}

asyncio.run(main());
