// asyncio.wait(timeout=...) never raises: at the timeout it returns whatever is done, leaving the rest pending and still
// running; wait_for in contrast raises and cancels.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

async function job(name: string, delay: number) {
  try {
    await asyncio.sleep(delay);
    log(`${name} finished`);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) log(`${name} cancelled`);
    throw e;
  }
}

function names(tasks: Iterable<asyncio.Task>) {
  return [...tasks].map((t) => t.getName()).sort();
}

async function main() {
  const ts = ([["a", 1], ["b", 2], ["c", 4]] as const).map(([n, d]) => asyncio.createTask(job(n, d), { name: n }));
  let [done, pending] = await asyncio.wait(ts, { timeout: 2.5 });
  log(`ALL_COMPLETED timeout=2.5: done=${str(names(done))} pending=${str(names(pending))}`);
  [done, pending] = await asyncio.wait(pending, { timeout: 0 });
  log(`timeout=0: done=${str(names(done))} pending=${str(names(pending))}`);
  [done, pending] = await asyncio.wait(ts);
  log(`no timeout: done=${str(names(done))} pending=${str(names(pending))}`);
}

asyncio.run(main());
