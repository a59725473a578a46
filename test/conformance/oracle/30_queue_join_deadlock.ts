// Pitfall: a consumer that forgets task_done() makes Queue.join() wait forever (the virtual loop reports DEADLOCK; real asyncio hangs).
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

async function consumer(q: asyncio.Queue<number>) {
  try {
    while (true) {
      const item = await q.get();
      log(`consumed ${item} (no task_done)`);
    }
  } finally {
    log("consumer finally (cancelled at shutdown)");
  }
}

async function main() {
  const q = new asyncio.Queue<number>();
  for (let i = 0; i < 3; i++) {
    await q.put(i);
  }
  const c = asyncio.createTask(consumer(q));
  log("waiting for join()");
  await q.join();
  log("never printed");
}

asyncio.run(main());
log("after run");
