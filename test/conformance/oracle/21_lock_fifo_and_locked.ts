// Lock: waiters acquire in FIFO order; right after release() locked() is False although the first waiter already owns the hand-off,
// and an immediate re-acquire cannot barge in (it queues last).
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

async function user(name: string, lock: asyncio.Lock, hold: number, again = false) {
  log(`${name} wants lock (locked=${str(lock.locked())})`);
  {
    await using _ = lock;
    log(`${name} acquired`);
    await asyncio.sleep(hold);
    log(`${name} releasing`);
  }
  log(`${name} released (locked=${str(lock.locked())})`);
  if (again) {
    log(`${name} re-acquires at once`);
    {
      await using _ = lock;
      log(`${name} acquired again`);
    }
  }
}

async function main() {
  const lock = new asyncio.Lock();
  const tasks = ["A", "B", "C"].map((n) => asyncio.createTask(user(n, lock, 1, n === "A")));
  await asyncio.sleep(0.5);
  log(`main: locked=${str(lock.locked())}`);
  await asyncio.gather(...tasks);
  log(`final locked=${str(lock.locked())}`);
}

asyncio.run(main());
