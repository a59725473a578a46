// Condition (current Python): a waiter notified by notify(1) but cancelled before it runs passes the notification on to the
// next waiter (in 3.11 the notification was lost and the other waiter slept on).
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

async function waiter(name: string, cond: asyncio.Condition) {
  try {
    await using _ = cond;
    await cond.wait();
    log(`${name} woke`);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) log(`${name} cancelled`);
    throw e;
  }
}

async function main() {
  const cond = new asyncio.Condition();
  const a = asyncio.createTask(waiter("A", cond));
  const b = asyncio.createTask(waiter("B", cond));
  await asyncio.sleep(1);
  {
    await using _ = cond;
    cond.notify(1);
    log(`notify(1) woke A; cancel A before it runs -> ${str(a.cancel())}`);
  }
  const [done, pending] = await asyncio.wait([a, b], { timeout: 1 });
  log(`wait([a, b], timeout=1) returned: B woke=${str(done.has(b) && !b.cancelled())}`);
  for (const t of pending) {
    t.cancel();
  }
}

asyncio.run(main());
