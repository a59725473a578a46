// asyncio.wait(FIRST_EXCEPTION) returns as soon as a task raises (done holds it and whatever finished with it), without
// raising or cancelling; with no failure it behaves like ALL_COMPLETED; wait() refuses bare coroutines with TypeError.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function job(name: string, delay: number, fail = false) {
  await asyncio.sleep(delay);
  if (fail) {
    log(`${name} raising`);
    throw new ValueError(name);
  }
  log(`${name} finished`);
  return name;
}

function names(tasks: Iterable<asyncio.Task>) {
  return [...tasks].map((t) => t.getName()).sort();
}

async function main() {
  let ts = ([["a", 1, false], ["b", 2, true], ["c", 3, false]] as const).map(([n, d, f]) => asyncio.createTask(job(n, d, f), { name: n }));
  let [done, pending] = await asyncio.wait(ts, { returnWhen: asyncio.FIRST_EXCEPTION });
  log(`FIRST_EXCEPTION: done=${str(names(done))} pending=${str(names(pending))} b -> ${excStr(ts[1].exception())}`);
  [done, pending] = await asyncio.wait(pending, { returnWhen: asyncio.FIRST_EXCEPTION });
  log(`no failure left: done=${str(names(done))} pending=${str(names(pending))}`);
  ts = ([["x", 2, true], ["y", 1, false]] as const).map(([n, d, f]) => asyncio.createTask(job(n, d, f), { name: n }));
  [done, pending] = await asyncio.wait(ts, { returnWhen: asyncio.ALL_COMPLETED });
  log(`ALL_COMPLETED: done=${str(names(done))} pending=${str(names(pending))}`);
  log(`results: ${str(ts.map((t) => (t.exception() ? excStr(t.exception()) : t.result())))}`);
  // TypeScript types an async function's call as a Promise; in a snippet it is a coroutine object.
  const coro = job("bare", 1) as unknown as asyncio.Coroutine<string>;
  try {
    await asyncio.wait([coro as unknown as asyncio.Task]);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    log(`wait([coroutine]): ${excStr(e)}`);
  }
  coro.close();
}

asyncio.run(main());
