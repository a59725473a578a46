// Iteration counts: Event.set, Queue.put and Lock.release only schedule the waiter, which runs on the next iteration; right
// after release() locked() is False, yet an immediate re-acquire queues behind the woken waiter.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

async function ticker(n: number) {
  for (let i = 0; i < n; i++) {
    log(`tick ${i}`);
    await asyncio.sleep(0);
  }
}

async function woke(name: string, aw: asyncio.Coroutine<unknown>) {
  log(`${name}: woke with ${repr(await aw)}`);
}

async function onLock(lock: asyncio.Lock) {
  {
    await using _ = lock;
    log("W: got the lock");
  }
  log(`W: released (locked=${str(lock.locked())})`);
}

async function main() {
  const [lock, ev, q] = [new asyncio.Lock(), new asyncio.Event(), new asyncio.Queue<string>()];
  await lock.acquire();
  const ws = [asyncio.createTask(woke("E", ev.wait())), asyncio.createTask(woke("G", q.get())), asyncio.createTask(onLock(lock))];
  await asyncio.sleep(0);
  const tk = asyncio.createTask(ticker(4));
  ev.set();
  q.putNowait("item");
  lock.release();
  log(`set/put/release done: waiters done=${str(ws.map((w) => w.done()))} locked=${str(lock.locked())}`);
  await lock.acquire();
  log("main: re-acquired the lock");
  lock.release();
  await asyncio.gather(tk, ...ws);
}

asyncio.run(main());
