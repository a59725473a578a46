// Cancelling a task that is awaiting another task cancels that inner task too (await forwards cancel); awaiting via shield
// or asyncio.wait does not.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

async function inner(name: string) {
  try {
    await asyncio.sleep(5);
    log(`${name}: completed`);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) log(`${name}: cancelled`);
    throw e;
  }
}

async function outer(how: string, t: asyncio.Task) {
  const waits: Record<string, () => unknown> = {
    "await": () => t,
    "shield": () => asyncio.shield(t),
    "wait": () => asyncio.wait([t]),
  };
  try {
    await waits[how]();
  } catch (e) {
    if (e instanceof asyncio.CancelledError) log(`outer(${how}): cancelled`);
    throw e;
  }
}

async function main() {
  const tasks: Record<string, [asyncio.Task, asyncio.Task]> = {};
  for (const how of ["await", "shield", "wait"]) {
    const t = asyncio.createTask(inner(`inner-${how}`));
    const o = asyncio.createTask(outer(how, t));
    tasks[how] = [o, t];
  }
  await asyncio.sleep(1);
  for (const [o] of Object.values(tasks)) {
    o.cancel();
  }
  await asyncio.sleep(6);
  for (const [how, [o, t]] of Object.entries(tasks)) {
    log(`${how}: outer.cancelled=${str(o.cancelled())} inner.cancelled=${str(t.cancelled())}`);
  }
}

asyncio.run(main());
