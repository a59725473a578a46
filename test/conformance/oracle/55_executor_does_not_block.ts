// The same 2 s blocking call moved to run_in_executor / to_thread runs in a worker thread: the loop keeps ticking on time,
// and awaiting the future resumes at start+2.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

function blocking(name: string, secs: number) {
  time.sleep(secs);
  return `${name} slept ${secs}`;
}

async function ticker() {
  for (let i = 0; i < 6; i++) {
    log(`tick ${i}`);
    await asyncio.sleep(0.5);
  }
}

async function main() {
  const loop = asyncio.getRunningLoop();
  const tk = asyncio.createTask(ticker());
  await asyncio.sleep(0.25);
  log("offloading 2 s blocking call");
  let r = await loop.runInExecutor(null, blocking, "executor", 2);
  log(`got '${r}'`);
  r = await asyncio.toThread(blocking, "to_thread", 0.5);
  log(`got '${r}'`);
  await tk;
}

asyncio.run(main());
