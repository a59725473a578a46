// TaskGroup: once a child failed the group is shutting down and create_task raises RuntimeError ('... is shutting down'),
// e.g. from a sibling's cleanup; since 3.13 the refused coroutine is closed, so no 'never awaited' warning follows.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function worker(name: string, delay: number) {
  await asyncio.sleep(delay);
  log(`${name} done`);
}

async function failer() {
  await asyncio.sleep(0.5);
  throw new ValueError("boom");
}

async function adder(tg: asyncio.TaskGroup) {
  try {
    await asyncio.sleep(10);
  } finally {
    try {
      tg.createTask(worker("refused", 1));
    } catch (e) {
      if (!(e instanceof RuntimeError)) throw e;
      log(`create_task while shutting down: ${excStr(e)}`);
    }
  }
}

async function main() {
  try {
    await using tg = new asyncio.TaskGroup();
    tg.createTask(adder(tg));
    tg.createTask(failer());
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    log(`caught ${str(e.exceptions.map((x) => excStr(x)))}`);
  }
}

asyncio.run(main());
