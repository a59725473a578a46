// gather() without return_exceptions propagates the first error; the errors of children failing later are marked retrieved,
// so no 'Task exception was never retrieved' follows; a failed task only seen through asyncio.wait() does warn once dropped.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function fail(name: string, delay: number) {
  await asyncio.sleep(delay);
  log(`${name} raising`);
  throw new ValueError(name);
}

async function main() {
  try {
    await asyncio.gather(fail("first", 1), fail("second", 2));
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    log(`gather raised ${excStr(e)}`);
  }
  await asyncio.sleep(2);
  log("no warning for 'second'");
  let t: asyncio.Task | null = asyncio.createTask(fail("waited", 0.5));
  let done: Set<asyncio.Future> | null;
  [done] = await asyncio.wait([t]);
  log(`wait() returned ${done.size} done task; dropping it unretrieved`);
  t = null;
  done = null;
  log("main ends");
}

asyncio.run(main());
