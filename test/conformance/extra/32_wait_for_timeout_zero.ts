// wait_for(coro, timeout=0) (or < 0) wraps the coroutine in a task and cancels it before its first step: the body never runs,
// not even a body that would finish without suspending; an awaitable already done is returned.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function body(name: string) {
  log(`${name}: body runs`);
  return name;
}

async function main() {
  for (const timeout of [0, -1]) {
    try {
      const r = await asyncio.waitFor(body(`timeout=${timeout}`), timeout);
      log(`returned ${r}`);
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      log(`timeout=${timeout}: ${excStr(e)} (cause=${(e.__cause__ as Error).name})`);
    }
  }
  const t = asyncio.createTask(body("done task"));
  await asyncio.sleep(0);
  log(`done task with timeout=0 -> ${await asyncio.waitFor(t, 0)}`);
  const f = asyncio.getRunningLoop().createFuture<string>();
  f.setResult("ready");
  log(`done future with timeout=0 -> ${await asyncio.waitFor(f, 0)}`);
  const pending = asyncio.createTask(body("pending task"));
  try {
    await asyncio.waitFor(pending, 0);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log(`pending task with timeout=0 -> TimeoutError, cancelled=${str(pending.cancelled())}`);
  }
  log(`wait_for(timeout=None) -> ${await asyncio.waitFor(body("no timeout"), null)}`);
}

asyncio.run(main());
