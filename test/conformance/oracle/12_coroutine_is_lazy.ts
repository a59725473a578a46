// Calling an async function only creates a coroutine object: nothing runs until it is awaited; a coroutine cannot be awaited twice.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function work() {
  log("work: body runs");
  await asyncio.sleep(1);
  log("work: body ends");
  return 7;
}

async function main() {
  // TypeScript types an async function's call as a Promise; in a snippet it is a coroutine object.
  const coro = work() as unknown as asyncio.Coroutine<number>;
  // Python: type(coro).__name__ is 'coroutine'; JavaScript has no such type, the runtime's check stands for it.
  const typeName = asyncio.iscoroutine(coro) ? "coroutine" : typeof coro;
  log(`created ${typeName} ${repr(coro.name)}; nothing printed yet`);
  await asyncio.sleep(0.5);
  log("awaiting it now");
  log(`result ${await coro}`);
  try {
    await coro;
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    log(`second await: ${excStr(e)}`);
  }
}

asyncio.run(main());
