// shield(): cancelling the outer await raises CancelledError in the caller at once, but the shielded inner task keeps running
// to completion; its result must be fetched from the inner task.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function important() {
  log("important: start");
  await asyncio.sleep(3);
  log("important: done");
  return "saved";
}

async function caller(inner: asyncio.Task<string>) {
  try {
    return await asyncio.shield(inner);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) log("caller: cancelled while shielded");
    throw e;
  }
}

async function main() {
  const inner = asyncio.createTask(important());
  const c = asyncio.createTask(caller(inner));
  await asyncio.sleep(1);
  c.cancel();
  try {
    await c;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    log(`main: caller -> ${excStr(e)}; inner.done=${str(inner.done())}`);
  }
  log(`main: inner result ${await inner}`);
  const outer = asyncio.shield(asyncio.sleep(1, "x"));
  outer.cancel();
  log(`outer shield future cancelled=${str(outer.cancelled())}`);
  await asyncio.sleep(2);
}

asyncio.run(main());
