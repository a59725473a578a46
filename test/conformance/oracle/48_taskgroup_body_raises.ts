// TaskGroup: an exception in the async-with body cancels all children and is itself included in the ExceptionGroup;
// a CancelledError from a child is never included.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function child(name: string, delay: number) {
  try {
    await asyncio.sleep(delay);
    log(`${name} done`);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) log(`${name} cancelled`);
    throw e;
  }
}

async function main() {
  try {
    await using tg = new asyncio.TaskGroup();
    tg.createTask(child("A", 1));
    tg.createTask(child("B", 2));
    await asyncio.sleep(1.5);
    log("body raising RuntimeError");
    throw new RuntimeError("body failed");
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    log(`caught ${excStr(e)} -> ${str(e.exceptions.map((x) => excStr(x)))}`);
  }
  let t: asyncio.Task, t2: asyncio.Task;
  {
    await using tg = new asyncio.TaskGroup();
    t = tg.createTask(child("C", 1));
    t2 = tg.createTask(child("D", 2));
    await asyncio.sleep(0.5);
    t.cancel();
  }
  log(`group with one child cancelled exits normally: C cancelled=${str(t.cancelled())}`);
}

asyncio.run(main());
