// run() returns main's return value; if main raises, the remaining tasks are cancelled first (their cleanup runs), then the
// exception propagates out of run().
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function background() {
  try {
    await asyncio.sleep(100);
  } finally {
    log("background: cancelled at shutdown, cleanup runs");
  }
}

async function ok() {
  await asyncio.sleep(1);
  return { answer: 42 };
}

async function failing() {
  const t = asyncio.createTask(background());
  await asyncio.sleep(2);
  log("main raising");
  throw new LookupError("main failed");
}

log(`run(ok()) -> ${str(asyncio.run(ok()))}`);
try {
  asyncio.run(failing());
} catch (e) {
  if (!(e instanceof LookupError)) throw e;
  log(`run(failing()) raised ${excStr(e)}`);
}
