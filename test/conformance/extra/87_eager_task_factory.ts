// loop.setTaskFactory(asyncio.eagerTaskFactory) (3.12+): every new task starts eagerly; a gather of coroutines that never
// suspend is done before it is awaited, so the awaiting task does not yield; eagerStart: false opts out; null restores lazy
// tasks.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function quick(n: number) {
  log(`quick(${n})`);
  return n;
}

async function ticker() {
  for (let i = 0; i < 3; i++) {
    log(`tick ${i}`);
    await asyncio.sleep(0);
  }
}

async function main() {
  const loop = asyncio.getRunningLoop();
  log(`default factory: ${str(loop.getTaskFactory())}`);
  asyncio.createTask(ticker());
  log(`lazy gather -> ${str(await asyncio.gather(quick(1), quick(2)))}`);
  loop.setTaskFactory(asyncio.eagerTaskFactory);
  log(`factory set: ${str(loop.getTaskFactory() === asyncio.eagerTaskFactory)}`);
  const g = asyncio.gather(quick(3), quick(4));
  log(`eager gather done before await: ${str(g.done())}`);
  log(`eager gather -> ${str(await g)}`);
  const t = asyncio.createTask(quick(5));
  const u = asyncio.createTask(quick(6), { eagerStart: false });
  log(`t.done()=${str(t.done())} u.done()=${str(u.done())}`);
  let v!: asyncio.Task<number>;
  {
    await using tg = new asyncio.TaskGroup();
    v = tg.createTask(quick(7));
    log(`in the group: v.done()=${str(v.done())}`);
  }
  loop.setTaskFactory(asyncio.createEagerTaskFactory(asyncio.Task));
  const w = asyncio.createTask(quick(8));
  log(`custom eager factory: w.done()=${str(w.done())}`);
  loop.setTaskFactory(null);
  const x = asyncio.createTask(quick(9));
  log(`factory None: x.done()=${str(x.done())}`);
  try {
    loop.setTaskFactory(42 as never);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    log(`set_task_factory(42): ${excStr(e)}`);
  }
  log(`results: ${str([t.result(), await u, v.result(), w.result(), await x])}`);
}

asyncio.run(main());
