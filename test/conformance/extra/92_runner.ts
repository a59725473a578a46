// asyncio.Runner (3.11+): run() several coroutines one after another on one loop (tasks left running go on in the next
// run), close() cancels what is left; a closed runner raises RuntimeError, a non-awaitable TypeError (3.11: ValueError),
// run() inside a running loop RuntimeError.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function work(n: number) {
  await asyncio.sleep(n);
  log(`work(${n}) done`);
  return n * 10;
}

async function background() {
  try {
    for (;;) {
      await asyncio.sleep(0.75);
      log("tick");
    }
  } finally {
    log("background cleaned up");
  }
}

async function startBackground() {
  asyncio.createTask(background());
  return "started";
}

async function nested() {
  const inner = new asyncio.Runner();
  const c = work(0) as unknown as asyncio.Coroutine<number>; // a coroutine object in a snippet (TypeScript says Promise)
  try {
    inner.run(c);
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    log(`Runner.run inside a running loop: ${excStr(e)}`);
    c.close();
  }
}

// Python's `with asyncio.Runner() as runner:` is `using runner = new asyncio.Runner();`; these two outlive the block.
let runner!: asyncio.Runner;
let loop!: asyncio.AbstractEventLoop;
{
  using r = (runner = new asyncio.Runner());
  log(`first run -> ${r.run(work(1))}`);
  log(`second run -> ${r.run(startBackground())}`);
  log(`third run -> ${r.run(work(2))}`);
  loop = r.getLoop();
  log(`between runs: running=${str(loop.isRunning())} closed=${str(loop.isClosed())} time=${loop.time().toFixed(3)}`);
}
print(`after the with block: closed=${str(loop.isClosed())}`);
const c = work(1) as unknown as asyncio.Coroutine<number>;
try {
  runner.run(c);
} catch (e) {
  if (!(e instanceof RuntimeError)) throw e;
  print(`run after close: ${excStr(e)}`);
  c.close();
}
try {
  runner.getLoop();
} catch (e) {
  if (!(e instanceof RuntimeError)) throw e;
  print(`get_loop after close: ${excStr(e)}`);
}
runner.close();
print("a second close() does nothing");
const r = new asyncio.Runner();
try {
  r.run(42 as never);
} catch (e) {
  if (!(e instanceof TypeError)) throw e;
  print(`run(42): ${excStr(e)}`);
}
r.close();
{
  using r2 = new asyncio.Runner();
  r2.run(nested());
}
