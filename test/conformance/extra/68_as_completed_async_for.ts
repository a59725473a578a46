// Since 3.13 as_completed() is also an async iterator: `async for` yields the original tasks themselves in completion order
// (plain iteration still yields new awaitables); the timeout raises TimeoutError from the iterator.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function job(name: string, delay: number) {
  await asyncio.sleep(delay);
  return name;
}

async function main() {
  let ts = ([["slow", 2], ["fast", 0.5], ["mid", 1]] as const).map(([n, d]) => asyncio.createTask(job(n, d), { name: n }));
  try {
    for await (const t of asyncio.asCompleted(ts)) {
      log(`async for -> the task itself: ${str(ts.includes(t as asyncio.Task<string>))}, ${(t as asyncio.Task<string>).getName()} = ${t.result()}`);
    }
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    log(`async for not supported: ${excStr(e)}`);
    for (const fut of asyncio.asCompleted(ts)) {
      log(`plain for -> ${await fut}`);
    }
  }
  ts = ([["p", 1], ["q", 3]] as const).map(([n, d]) => asyncio.createTask(job(n, d)));
  try {
    for await (const t of asyncio.asCompleted(ts, { timeout: 2 })) {
      log(`with timeout: ${t.result()}`);
    }
  } catch (e) {
    if (e instanceof TimeoutError) log(`iterator raised ${excStr(e)}; q done=${str(ts[1].done())}`);
    else if (e instanceof TypeError) log("async for not supported");
    else throw e;
  }
}

asyncio.run(main());
