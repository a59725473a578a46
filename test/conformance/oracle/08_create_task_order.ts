// create_task only schedules: no task body runs until the creator awaits; tasks then start in creation order, and the creator resumes after them.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

async function worker(name: string) {
  log(`${name} started`);
  await asyncio.sleep(0);
  log(`${name} second step`);
}

async function main() {
  const tasks: asyncio.Task[] = [];
  for (const name of "ABC") {
    tasks.push(asyncio.createTask(worker(name)));
    log(`created ${name}`);
  }
  log(`before first await, done=${str(tasks.map((t) => t.done()))}`);
  await asyncio.sleep(0);
  log("main resumed after sleep(0)");
  await asyncio.sleep(0);
  log("main resumed after 2nd sleep(0)");
  log(`done=${str(tasks.map((t) => t.done()))}`);
}

asyncio.run(main());
