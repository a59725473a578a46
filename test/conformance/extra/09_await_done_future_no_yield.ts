// Awaiting something already done does not yield: a done future (result or exception), a finished task, a coroutine that
// returns without awaiting; other ready tasks run only at a real suspension.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function other() {
  log("other task runs");
}

async function instant() {
  return "instant";
}

async function main() {
  const loop = asyncio.getRunningLoop();
  const t = asyncio.createTask(other());
  const f = loop.createFuture<number>();
  f.setResult(5);
  log(`await done future -> ${await f}; again -> ${await f} (other done=${str(t.done())})`);
  const bad = loop.createFuture();
  bad.setException(new KeyError("k"));
  try {
    await bad;
  } catch (e) {
    if (!(e instanceof KeyError)) throw e;
    log(`await failed future -> ${excStr(e)} (other done=${str(t.done())})`);
  }
  log(`await instant() -> ${await instant()} (other done=${str(t.done())})`);
  await asyncio.sleep(0);
  log(`after sleep(0): other done=${str(t.done())}`);
  const t2 = asyncio.createTask(other());
  log(`await finished task -> ${repr(await t)} (t2 done=${str(t2.done())})`);
  log(`await t2 -> ${repr(await t2)}`);
}

asyncio.run(main());
