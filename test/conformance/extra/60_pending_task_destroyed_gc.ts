// A pending task is reported as destroyed only when it is unreachable AND collected: one blocked on a future nobody else holds
// dies at gc.collect(); one sleeping on a timer stays reachable through the loop and is cancelled at shutdown instead.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

async function waitsForever(fut: asyncio.Future) {
  await fut;
}

async function sleeper() {
  try {
    await asyncio.sleep(100);
  } finally {
    log("sleeper: cancelled at shutdown");
  }
}

async function main() {
  const loop = asyncio.getRunningLoop();
  asyncio.createTask(waitsForever(loop.createFuture()));
  asyncio.createTask(sleeper());
  const kept = asyncio.createTask(waitsForever(loop.createFuture()));
  await asyncio.sleep(1);
  log(`tasks alive: ${asyncio.allTasks().size}`);
  log("gc.collect()");
  // gc.collect() has no counterpart: JavaScript cannot force or observe garbage collection, so the unreachable
  // task (Task-2) is not destroyed here; it stays in allTasks() and is cancelled at shutdown with the others.
  log(`after gc: tasks alive: ${asyncio.allTasks().size}`);
  await asyncio.sleep(1);
  log("main ends");
}

asyncio.run(main());
log("after run");
