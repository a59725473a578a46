// A TaskGroup whose parent task is cancelled from outside cancels its children, waits for them, and re-raises CancelledError
// (no ExceptionGroup); under timeout() the same cancellation becomes TimeoutError.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function child(name: string, delay: number) {
  try {
    await asyncio.sleep(delay);
    log(`${name} done`);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) log(`${name} cancelled`);
    throw e;
  }
}

async function parent() {
  try {
    await using tg = new asyncio.TaskGroup();
    tg.createTask(child("c1", 1));
    tg.createTask(child("c2", 3));
  } catch (e) {
    log(`parent: group raised ${excStr(e)}`);
    throw e;
  }
}

async function main() {
  const p = asyncio.createTask(parent());
  await asyncio.sleep(2);
  p.cancel();
  await asyncio.gather(p, { returnExceptions: true });
  log(`parent cancelled=${str(p.cancelled())}`);
  try {
    await using _ = asyncio.timeout(1.5);
    {
      await using tg = new asyncio.TaskGroup();
      tg.createTask(child("c3", 1));
      tg.createTask(child("c4", 3));
    }
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    log(`timeout around the group -> ${excStr(e)}`);
  }
}

asyncio.run(main());
