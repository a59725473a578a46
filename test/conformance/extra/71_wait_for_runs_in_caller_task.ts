// Since 3.12 wait_for() runs a coroutine inside the caller's own task (it is built on timeout()): the body starts at once,
// without a loop iteration, current_task() is the caller, and no task (no Task-N number) is created.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

async function ticker(n: number) {
  for (let i = 0; i < n; i++) {
    log(`tick ${i}`);
    await asyncio.sleep(0);
  }
}

async function body() {
  log(`body runs in ${asyncio.currentTask()!.getName()}`);
  await asyncio.sleep(0.5);
  return "ok";
}

async function main() {
  const tk = asyncio.createTask(ticker(3));
  await asyncio.sleep(0);
  log("main calls wait_for(body(), 1)");
  const r = await asyncio.waitFor(body(), 1);
  log(`wait_for -> ${r}`);
  const t = asyncio.createTask(body());
  log(`next unnamed task is ${t.getName()}`);
  await t;
  await tk;
}

asyncio.run(main());
