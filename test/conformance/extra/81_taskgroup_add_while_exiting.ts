// TaskGroup: a child may add sibling tasks while the group is already waiting in its exit, and the group waits for those too;
// the body's own tasks and late ones are treated alike.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

async function worker(name: string, delay: number) {
  await asyncio.sleep(delay);
  log(`${name} done`);
}

async function spawner(tg: asyncio.TaskGroup, depth: number) {
  await asyncio.sleep(1);
  log(`spawner ${depth} adds a sibling`);
  tg.createTask(worker(`late-${depth}`, 2));
  if (depth < 2) {
    tg.createTask(spawner(tg, depth + 1));
  }
}

async function main() {
  {
    await using tg = new asyncio.TaskGroup();
    tg.createTask(spawner(tg, 1));
    tg.createTask(worker("early", 0.5));
    log("body done, group waits");
  }
  log("group exited after the last late sibling");
}

asyncio.run(main());
