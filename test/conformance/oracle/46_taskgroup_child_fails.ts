// TaskGroup: when one child raises, the siblings are cancelled, the group waits for them and raises ExceptionGroup with only
// the real error; create_task on a finished group raises RuntimeError.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function child(name: string, delay: number, fail = false) {
  try {
    await asyncio.sleep(delay);
    if (fail) {
      log(`${name}: raising`);
      throw new ValueError(`${name} failed`);
    }
    log(`${name}: done`);
    return name;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) log(`${name}: cancelled`);
    throw e;
  }
}

async function main() {
  // Python's `as tg` and the tasks stay visible after the block.
  let tg!: asyncio.TaskGroup;
  let a!: asyncio.Task<string>, b!: asyncio.Task<string>, c!: asyncio.Task<string>;
  try {
    {
      await using _ = (tg = new asyncio.TaskGroup());
      a = tg.createTask(child("A", 0.5));
      b = tg.createTask(child("B", 1, true));
      c = tg.createTask(child("C", 3));
      log("body: created 3 tasks, now waiting at exit");
    }
    log("not reached");
  } catch (e) {
    // except* ValueError as eg:
    const [eg, rest] = (e as ExceptionGroup).split(ValueError);
    if (eg) {
      log(`except* ValueError: ${excStr(eg)}`);
      for (const sub of eg.exceptions) {
        log(`  sub-exception ${excStr(sub)}`);
      }
    }
    if (rest) throw rest;
  }
  log(`A result=${a.result()} B exc=${excStr(b.exception())} C cancelled=${str(c.cancelled())}`);
  try {
    tg.createTask(child("late", 1));
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    log(`create_task on finished group: ${excStr(e)}`);
  }
}

asyncio.run(main());
