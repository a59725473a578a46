// Condition as a context manager: a task entering `async with cond` while another holds it waits for the condition's lock,
// then enters; a wait() inside still works.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

async function worker(name: string, cond: asyncio.Condition) {
  await using _ = cond;
  log(`${name} in, locked=${str(cond.locked())}`);
  await asyncio.sleep(0.5);
  log(`${name} out`);
}

async function notifier(cond: asyncio.Condition) {
  await asyncio.sleep(0.25);
  await using _ = cond;
  log("notifier in");
  cond.notifyAll();
}

async function main() {
  const cond = new asyncio.Condition();
  const waiting = asyncio.createTask(notifier(cond));
  await asyncio.gather(worker("A", cond), worker("B", cond), waiting);
  let t: asyncio.Task<void>;
  {
    await using _ = cond;
    t = asyncio.createTask(notifier(cond));
    const r = await cond.wait();
    log(`woke -> ${str(r)}, locked=${str(cond.locked())}`);
  }
  await t;
  log(`done, locked=${str(cond.locked())}`);
}

asyncio.run(main());
