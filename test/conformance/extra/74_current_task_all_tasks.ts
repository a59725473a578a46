// current_task() is the task running the coroutine (main is Task-1); all_tasks() holds the tasks not yet done, main included;
// outside a running loop both raise RuntimeError('no running event loop').
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);
// Python's `f.__name__`: the runtime's names are Python's in camelCase (current_task -> currentTask).
const pyName = (f: Function) => f.name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

async function child(delay: number) {
  await asyncio.sleep(delay);
  return asyncio.currentTask()!.getName();
}

function names(tasks: Iterable<asyncio.Task>) {
  return [...tasks].map((t) => t.getName()).sort();
}

async function main() {
  const me = asyncio.currentTask()!;
  log(`current_task: ${me.getName()} coro=${me.getCoro()!.qualname}`);
  const a = asyncio.createTask(child(1));
  const b = asyncio.createTask(child(2));
  log(`all_tasks: ${str(names(asyncio.allTasks()))}`);
  log(`a -> ${await a}`);
  log(`all_tasks after a finished: ${str(names(asyncio.allTasks()))}`);
  await b;
}

for (const f of [asyncio.currentTask, asyncio.allTasks]) {
  try {
    f();
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    log(`${pyName(f)}() outside the loop: ${excStr(e)}`);
  }
}
asyncio.run(main());
