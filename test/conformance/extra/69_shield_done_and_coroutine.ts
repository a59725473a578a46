// shield() of an already-done future returns that same future (await: no yield); shield() of a coroutine wraps it in a task
// that keeps running when the outer future is cancelled; a shielded inner failure reaches the awaiter.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function work(name: string, delay: number, fail = false) {
  await asyncio.sleep(delay);
  if (fail) {
    throw new ValueError(name);
  }
  log(`${name} finished`);
  return name;
}

async function main() {
  const loop = asyncio.getRunningLoop();
  const f = loop.createFuture<string>();
  f.setResult("ready");
  const s = asyncio.shield(f);
  log(`shield(done future) is the future itself: ${str(s === f)}; await -> ${await s}`);
  const outer = asyncio.shield(work("inner", 1));
  await asyncio.sleep(0.5);
  log(`outer.cancel() -> ${str(outer.cancel())}; outer.cancelled()=${str(outer.cancelled())}`);
  await asyncio.sleep(1);
  try {
    await asyncio.shield(work("failing", 0.5, true));
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    log(`shielded failure propagates: ${excStr(e)}`);
  }
}

asyncio.run(main());
