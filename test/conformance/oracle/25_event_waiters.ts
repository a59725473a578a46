// Event: set() wakes all current waiters in FIFO order on the next iteration (even if clear() follows at once);
// wait() on a set Event returns True without suspending; clear() re-arms it.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

async function waiter(name: string, ev: asyncio.Event) {
  log(`${name} waiting`);
  const r = await ev.wait();
  log(`${name} woke -> ${str(r)}`);
}

async function main() {
  const ev = new asyncio.Event();
  const ws = ["W1", "W2", "W3"].map((n) => asyncio.createTask(waiter(n, ev)));
  await asyncio.sleep(1);
  log("set()");
  ev.set();
  log(`is_set=${str(ev.isSet())}`);
  await asyncio.gather(...ws);
  const late = asyncio.createTask(waiter("Late", ev));
  log(`wait() on set event -> ${str(await ev.wait())} (Late started=${str(late.done())})`);
  ev.clear();
  log(`cleared, is_set=${str(ev.isSet())}`);
  await asyncio.sleep(1);
  log("set() again");
  ev.set();
  ev.clear();
  log("clear() immediately after set()");
  await late;
  try {
    await asyncio.waitFor(ev.wait(), 0.5);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log("wait() after clear timed out");
  }
}

asyncio.run(main());
