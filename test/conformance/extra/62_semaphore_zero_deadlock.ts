// Semaphore(0) with nobody to release: every acquirer waits forever; the virtual loop reports DEADLOCK (real asyncio hangs),
// then shutdown cancels the stuck tasks in creation order and their cleanup runs.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

async function worker(sem: asyncio.Semaphore) {
  const name = asyncio.currentTask()!.getName();
  log(`${name} waiting (locked=${str(sem.locked())})`);
  try {
    await using _ = sem;
    log(`${name} never gets here`);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) log(`${name} cancelled while waiting on the semaphore`);
    throw e;
  }
}

async function main() {
  const sem = new asyncio.Semaphore(0);
  const ts = [0, 1, 2].map((i) => asyncio.createTask(worker(sem), { name: `worker-${i}` }));
  await asyncio.sleep(1);
  log("main waits for the workers");
  await asyncio.gather(...ts);
  log("never printed");
}

const r = asyncio.run(main());
log(`run returned ${str(r)}`);
