// asyncio.wait(FIRST_COMPLETED) returns (done, pending) sets as soon as one task finishes (ties land in done together);
// pending tasks are not cancelled and keep running.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

async function job(name: string, delay: number) {
  await asyncio.sleep(delay);
  log(`${name} finished`);
  return name;
}

function names(tasks: Iterable<asyncio.Task>) {
  return [...tasks].map((t) => t.getName()).sort();
}

async function main() {
  const tasks = ([["a", 2], ["b", 1], ["c", 1], ["d", 3]] as const).map(([n, d]) => asyncio.createTask(job(n, d), { name: n }));
  let [done, pending] = await asyncio.wait(tasks, { returnWhen: asyncio.FIRST_COMPLETED });
  log(`done=${str(names(done))} pending=${str(names(pending))}`);
  [done, pending] = await asyncio.wait(pending, { returnWhen: asyncio.FIRST_COMPLETED });
  log(`done=${str(names(done))} pending=${str(names(pending))}`);
  await asyncio.sleep(5);
  log(`d finished on its own: ${tasks[3].result()}`);
  try {
    await asyncio.wait([]);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    log(`wait([]) -> ValueError: ${str(e)}`);
  }
}

asyncio.run(main());
