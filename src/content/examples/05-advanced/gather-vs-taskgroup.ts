import * as asyncio from "asyncio";
import * as time from "time";

let start = time.monotonic();
const since = () => `${(time.monotonic() - start).toFixed(1)} s`;
const cancelled: string[] = [];

async function job(name: string, seconds: number, fails = false) {
  try {
    await asyncio.sleep(seconds);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) cancelled.push(name);
    throw e;
  }
  if (fails) throw new ValueError(`${name} failed`);
  print(`  ${name} finished at ${since()}`);
  return name;
}

function report() {
  print(`  still running: ${asyncio.allTasks().size - 1}, cancelled: ${str([...cancelled].sort())}`);
}

async function withGather() {
  try {
    await asyncio.gather(job("a", 0.8), job("b", 0.1, true), job("c", 1.2));
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print(`  gather raised ${repr(e)} at ${since()}`);
  }
  report();
  await asyncio.sleep(1.9); // main carries on with other work, and so do a and c
}

async function withTaskGroup() {
  try {
    await using tg = new asyncio.TaskGroup();
    tg.createTask(job("a", 0.8));
    tg.createTask(job("b", 0.1, true));
    tg.createTask(job("c", 1.2));
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    print(`  the group raised ${repr(e)} at ${since()}`);
  }
  report();
}

async function main() {
  print("gather:");
  await withGather();
  print("TaskGroup:");
  start = time.monotonic();
  await withTaskGroup();
}

asyncio.run(main());
