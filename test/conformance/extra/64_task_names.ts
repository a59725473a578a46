// Task names: the main task is Task-1; unnamed tasks get Task-N from a process-wide counter; gather's wrapper tasks take
// numbers too, tasks created with name= do not (3.11: they did); set_name() renames and str()s its argument.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

async function report() {
  return asyncio.currentTask()!.getName();
}

async function main() {
  log(`main is ${asyncio.currentTask()!.getName()}`);
  const a = asyncio.createTask(report());
  const b = asyncio.createTask(report(), { name: "custom" });
  const c = asyncio.createTask(report());
  log(`a=${a.getName()} b=${b.getName()} c=${c.getName()}`);
  log(`gather wrappers: ${str(await asyncio.gather(report(), report()))}`);
  const d = asyncio.createTask(report());
  log(`next unnamed task: ${d.getName()}`);
  d.setName(42);
  log(`after set_name(42): ${repr(d.getName())} -> the task reports ${repr(await d)}`);
  log(`results: ${str(await asyncio.gather(a, b, c))}`);
}

asyncio.run(main());
