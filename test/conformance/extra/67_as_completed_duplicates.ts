// as_completed() deduplicates its input (it builds a set), so the same task passed twice is yielded once; a task already done
// is yielded first without waiting; the yielded awaitables are not the input tasks.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

async function job(name: string, delay: number) {
  await asyncio.sleep(delay);
  return name;
}

async function main() {
  const a = asyncio.createTask(job("a", 1));
  const b = asyncio.createTask(job("b", 0.5));
  const done = asyncio.createTask(job("done", 0));
  await asyncio.sleep(0.25);
  log(`'done' finished before: ${str(done.done())}`);
  const got: string[] = [];
  for (const fut of asyncio.asCompleted([a, b, a, done, b])) {
    log(`yielded an input task: ${str([a, b, done].includes(fut as never))}`);
    got.push(await fut);
    log(`-> ${got[got.length - 1]}`);
  }
  log(`${got.length} results for 5 inputs: ${str(got)}`);
}

asyncio.run(main());
