// Lock misuse: release() of an unlocked Lock raises RuntimeError('Lock is not acquired.'); a Lock has no owner, so another
// task may release it; Condition.wait()/notify() without holding its lock raise RuntimeError.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function holder(lock: asyncio.Lock) {
  await lock.acquire();
  log("holder acquired, never releases");
  await asyncio.sleep(10);
}

async function main() {
  const lock = new asyncio.Lock();
  try {
    lock.release();
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    log(`release unlocked: ${excStr(e)}`);
  }
  const h = asyncio.createTask(holder(lock));
  await asyncio.sleep(1);
  log(`locked=${str(lock.locked())}; main releases the holder's lock`);
  lock.release();
  log(`locked=${str(lock.locked())}; acquire -> ${str(await lock.acquire())}`);
  lock.release();
  const cond = new asyncio.Condition();
  const calls: [string, () => unknown][] = [
    ["wait", () => cond.wait()],
    ["notify", () => cond.notify()],
    ["notify_all", () => cond.notifyAll()],
  ];
  for (const [what, call] of calls) {
    try {
      const r = call();
      if (asyncio.iscoroutine(r)) {
        await r;
      }
    } catch (e) {
      if (!(e instanceof RuntimeError)) throw e;
      log(`Condition.${what}() without lock: ${excStr(e)}`);
    }
  }
  h.cancel();
}

asyncio.run(main());
