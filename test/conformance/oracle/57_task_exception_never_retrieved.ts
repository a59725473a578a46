// A task that fails while nobody awaits it logs 'Task exception was never retrieved' when it is
// garbage-collected; retrieving the exception (await/result/exception) silences it.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function boom(msg: string) {
  await asyncio.sleep(1);
  log(`boom(${repr(msg)}) raising`);
  throw new ValueError(msg);
}

async function main() {
  asyncio.createTask(boom("fire-and-forget")); // reference dropped
  let kept: asyncio.Task | null = asyncio.createTask(boom("kept"));
  let checked: asyncio.Task | null = asyncio.createTask(boom("checked"));
  await asyncio.sleep(2);
  log(`checked.exception() -> ${excStr(checked.exception())}`);
  checked = null;
  log("dropping the last reference to 'kept'");
  kept = null;
  log("main done");
}

asyncio.run(main());
log("after run");
