// Semaphore.release() hands the unit straight to the first waiter, so locked() stays True (unlike Lock); a newcomer cannot
// barge in and queues; acquire order is FIFO.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

async function user(name: string, sem: asyncio.Semaphore, hold: number) {
  log(`${name} wants it (locked=${str(sem.locked())})`);
  {
    await using _ = sem;
    log(`${name} acquired`);
    await asyncio.sleep(hold);
  }
  log(`${name} released (locked=${str(sem.locked())})`);
}

async function main() {
  const sem = new asyncio.Semaphore(1);
  const a = asyncio.createTask(user("A", sem, 1));
  const b = asyncio.createTask(user("B", sem, 1));
  await asyncio.sleep(0.5);
  log(`main: locked=${str(sem.locked())}`);
  await asyncio.sleep(0.75);
  const c = asyncio.createTask(user("C", sem, 0.25));
  await asyncio.gather(a, b, c);
  log(`final locked=${str(sem.locked())}`);
  const lock = new asyncio.Lock();
  await lock.acquire();
  const w = asyncio.createTask(lock.acquire());
  await asyncio.sleep(0);
  lock.release();
  log(`Lock for contrast: right after release locked=${str(lock.locked())}`);
  await w;
  log(`after the waiter ran: locked=${str(lock.locked())}`);
}

asyncio.run(main());
