// Condition: notify_all() wakes every waiter, but each must re-acquire the lock, so they resume one at a time in FIFO order;
// notify(1) wakes only the first; wait() returns True.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

async function waiter(name: string, cond: asyncio.Condition) {
  await using _ = cond;
  log(`${name} waiting`);
  const r = await cond.wait();
  log(`${name} woke -> ${str(r)}, holds the lock`);
  await asyncio.sleep(0.5);
  log(`${name} releasing`);
}

async function main() {
  const cond = new asyncio.Condition();
  const ws = ["W1", "W2", "W3"].map((n) => asyncio.createTask(waiter(n, cond)));
  await asyncio.sleep(1);
  {
    await using _ = cond;
    log("notify(1)");
    cond.notify(1);
    await asyncio.sleep(0.25);
    log("main releases after notify(1)");
  }
  await asyncio.sleep(1);
  {
    await using _ = cond;
    log("notify_all()");
    cond.notifyAll();
    await asyncio.sleep(0.25);
    log("main releases after notify_all()");
  }
  await asyncio.gather(...ws);
  log(`all done, locked=${str(cond.locked())}`);
}

asyncio.run(main());
