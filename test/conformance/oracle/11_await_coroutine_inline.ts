// Awaiting a coroutine runs it inline in the caller's task (same task, no scheduling); only create_task makes a new task that runs later.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

function me() {
  return asyncio.currentTask()!.getName();
}

async function helper(label: string) {
  log(`helper(${label}) runs in ${me()}`);
  return label.toUpperCase();
}

async function other() {
  log(`other task runs in ${me()}`);
}

async function main() {
  const o = asyncio.createTask(other(), { name: "Other" });
  log(`main runs in ${me()}`);
  const r = await helper("inline"); // no suspension: 'other' cannot run yet
  log(`inline returned ${r}; other done=${str(o.done())}`);
  const t = asyncio.createTask(helper("task"), { name: "HelperTask" });
  log(`created HelperTask; done=${str(t.done())}`);
  const r2 = await t;
  log(`task returned ${r2}; other done=${str(o.done())}`);
}

asyncio.run(main());
