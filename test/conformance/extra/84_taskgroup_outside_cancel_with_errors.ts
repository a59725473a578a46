// TaskGroup cancelled from outside while a child's cleanup fails: the group raises ExceptionGroup (not CancelledError); since
// 3.13 it then re-cancels the parent, which gets CancelledError at its next await (3.11: the parent carried on).
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function badCleanup() {
  try {
    await asyncio.sleep(5);
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    log("child: cancelled, cleanup raises KeyError");
    throw new KeyError("cleanup");
  }
}

async function parent() {
  try {
    await using tg = new asyncio.TaskGroup();
    tg.createTask(badCleanup());
    await asyncio.sleep(5);
  } catch (e) {
    // except* KeyError as eg:
    const [eg, rest] = (e as ExceptionGroup).split(KeyError);
    if (eg) {
      log(`parent: group raised ${str(eg.exceptions.map((x) => excStr(x)))}, cancelling()=${asyncio.currentTask()!.cancelling()}`);
    }
    if (rest) throw rest;
  }
  try {
    await asyncio.sleep(1);
    log("parent: carries on normally");
  } catch (e) {
    if (e instanceof asyncio.CancelledError) log("parent: cancelled again at its next await");
    throw e;
  }
}

async function main() {
  const p = asyncio.createTask(parent());
  await asyncio.sleep(1);
  p.cancel();
  await asyncio.gather(p, { returnExceptions: true });
  log(`parent cancelled=${str(p.cancelled())}`);
}

asyncio.run(main());
