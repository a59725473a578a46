// Cancel messages: cancel('msg') reaches the task as CancelledError('msg'); the first retrieval from the finished task
// re-raises that exception, later ones get a CancelledError without the message; a second cancel('other') is counted by
// cancelling() but its message is not used.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function sleeper(name: string) {
  try {
    await asyncio.sleep(5);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) log(`${name} sees ${excStr(e)}`);
    throw e;
  }
}

async function retrieve(what: string, get: () => unknown) {
  try {
    const r = get();
    if (asyncio.isfuture(r)) {
      await r;
    }
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    log(`${what}: ${excStr(e)}`);
  }
}

async function main() {
  const t = asyncio.createTask(sleeper("t"));
  await asyncio.sleep(1);
  log(`cancel('first') -> ${str(t.cancel("first"))}, cancel('second') -> ${str(t.cancel("second"))}, cancelling()=${t.cancelling()}`);
  await asyncio.sleep(0);
  log(`t cancelled=${str(t.cancelled())}`);
  const gets: [string, () => unknown][] = [["await", () => t], ["result()", () => t.result()], ["exception()", () => t.exception()], ["await again", () => t]];
  for (const [what, get] of gets) {
    await retrieve(what, get);
  }
  const early = asyncio.createTask(sleeper("early"));
  early.cancel("before start");
  await retrieve("await task cancelled before its first step", () => early);
  const f = asyncio.getRunningLoop().createFuture();
  f.cancel("future msg");
  await retrieve("plain future result()", () => f.result());
  await retrieve("plain future result()", () => f.result());
}

asyncio.run(main());
