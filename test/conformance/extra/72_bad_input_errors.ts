// Bad input gets Python's errors: awaiting a non-awaitable -> TypeError; create_task(non-coroutine) -> TypeError;
// asyncio.run() inside a running loop -> RuntimeError (the coroutine passed to it is then never awaited).
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function job() {
  return 1;
}

async function main() {
  try {
    await 5;
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    log(`await 5: ${excStr(e)}`);
  }
  try {
    await asyncio.sleep;
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    log(`await asyncio.sleep: ${excStr(e)}`);
  }
  try {
    asyncio.createTask(5 as unknown as asyncio.Coroutine);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    log(`create_task(5): ${excStr(e)}`);
  }
  try {
    asyncio.run(job());
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    log(`asyncio.run inside the loop: ${excStr(e)}`);
  }
  try {
    new asyncio.Queue().taskDone();
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    log(`task_done() on a fresh queue: ${excStr(e)}`);
  }
}

asyncio.run(main());
