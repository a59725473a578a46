// createTask(coro, { eagerStart: true }) (3.14): the coroutine runs at once, inside createTask, as the current task, up to
// its first real suspension; one that never suspends is done on return (its getCoro() is null); an error stays in the task.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function quick(n: number) {
  log(`quick(${n}) runs in ${asyncio.currentTask()!.getName()}`);
  return n * 2;
}

async function slow(n: number) {
  log(`slow(${n}) starts`);
  await asyncio.sleep(1);
  log(`slow(${n}) ends`);
  return n;
}

async function boom(): Promise<never> {
  log("boom runs");
  throw new ValueError("eager boom");
}

async function main() {
  const lazy = asyncio.createTask(quick(0));
  const t = asyncio.createTask(quick(1), { eagerStart: true });
  log(`after create: lazy.done()=${str(lazy.done())} t.done()=${str(t.done())} result=${t.result()} coro=${str(t.getCoro())}`);
  const s = asyncio.createTask(slow(2), { eagerStart: true });
  log(`after create: s.done()=${str(s.done())}, back in ${asyncio.currentTask()!.getName()}`);
  const b = asyncio.createTask(boom(), { eagerStart: true });
  log(`boom: done=${str(b.done())} exception=${excStr(b.exception())}`);
  log(`pending tasks: ${str([...asyncio.allTasks()].map((x) => x.getName()).sort())}`);
  let g1!: asyncio.Task<number>, g2!: asyncio.Task<number>;
  {
    await using tg = new asyncio.TaskGroup();
    g1 = tg.createTask(slow(3), { eagerStart: true });
    g2 = tg.createTask(quick(4), { eagerStart: true });
    log(`in the group: g1.done()=${str(g1.done())} g2.done()=${str(g2.done())}`);
  }
  log(`results: ${str([lazy.result(), s.done() ? s.result() : null, g1.result(), g2.result()])}`);
  log(`s -> ${await s}`);
}

asyncio.run(main());
