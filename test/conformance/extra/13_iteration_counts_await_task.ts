// Iteration counts: a created task runs one iteration later; a task awaiting another task resumes one iteration after the
// child finishes; awaiting it through gather takes one iteration more (a ticker yielding with sleep(0) counts iterations).
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

async function ticker(n: number) {
  for (let i = 0; i < n; i++) {
    log(`tick ${i}`);
    await asyncio.sleep(0);
  }
}

async function child(name: string) {
  log(`${name} step 1`);
  await asyncio.sleep(0);
  log(`${name} returns`);
  return name;
}

async function main() {
  const tk = asyncio.createTask(ticker(12));
  log("main: create_task(child A), await it");
  let r: unknown = await asyncio.createTask(child("A"));
  log(`main resumed with ${str(r)}`);
  log("main: await child B inline (no task)");
  r = await child("B");
  log(`main resumed with ${str(r)}`);
  log("main: await gather(child C)");
  r = await asyncio.gather(child("C"));
  log(`main resumed with ${str(r)}`);
  await tk;
}

asyncio.run(main());
