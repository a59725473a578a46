// as_completed yields awaitables in completion order (not argument order); with a timeout, the iterator raises TimeoutError
// once time runs out, leaving the rest running.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function job(name: string, delay: number) {
  await asyncio.sleep(delay);
  return name;
}

async function main() {
  const coros = [job("three", 3), job("one", 1), job("two", 2), job("zero", 0)];
  for (const fut of asyncio.asCompleted(coros)) {
    log(`completed: ${await fut}`);
  }
  const ts = ([["p", 1], ["q", 5], ["r", 2]] as const).map(([n, d]) => asyncio.createTask(job(n, d)));
  try {
    for (const fut of asyncio.asCompleted(ts, { timeout: 2.5 })) {
      log(`with timeout: ${await fut}`);
    }
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log(`as_completed raised ${excStr(e)}; q done=${str(ts[1].done())}`);
  }
  log(`q result later: ${await ts[1]}`);
}

asyncio.run(main());
