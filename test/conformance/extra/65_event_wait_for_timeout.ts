// Event.wait() under wait_for: it returns True when set() comes in time; on timeout the waiter is cancelled and removed, the
// event stays unset, and a later set() wakes only the current waiters.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function waiter(name: string, ev: asyncio.Event, timeout: number) {
  try {
    const r = await asyncio.waitFor(ev.wait(), timeout);
    log(`${name}: wait -> ${str(r)}`);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log(`${name}: ${excStr(e)} after ${timeout}s, is_set=${str(ev.isSet())}`);
  }
}

async function main() {
  const ev = new asyncio.Event();
  const ts = ([["short", 0.5], ["long", 2], ["mid", 1.5]] as const).map(([n, t]) => asyncio.createTask(waiter(n, ev, t)));
  await asyncio.sleep(1);
  log("set()");
  ev.set();
  await asyncio.gather(...ts);
  ev.clear();
  const t = asyncio.createTask(waiter("after clear", ev, 0.25));
  await asyncio.sleep(0.5);
  ev.set();
  log(`set() with no waiter left: is_set=${str(ev.isSet())}`);
  await t;
}

asyncio.run(main());
