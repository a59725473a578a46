// TaskGroup: a failing child cancels the body; if the body turns that CancelledError into another exception, both land in the
// ExceptionGroup, the child's error first, the body's last.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function failSoon() {
  await asyncio.sleep(0.5);
  log("child raising ValueError");
  throw new ValueError("child");
}

async function main() {
  try {
    await using tg = new asyncio.TaskGroup();
    tg.createTask(failSoon());
    try {
      await asyncio.sleep(5);
    } catch (e) {
      if (!(e instanceof asyncio.CancelledError)) throw e;
      log("body: cancelled by the failing child, raises KeyError");
      throw new KeyError("body");
    }
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    log(`${excStr(e)} -> ${str(e.exceptions.map((x) => excStr(x)))}`);
  }
  log(`main cancelling()=${asyncio.currentTask()!.cancelling()}`);
}

asyncio.run(main());
