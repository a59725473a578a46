// cancel() returns False on a done task and True otherwise (also when repeated); a task cancelled before its first step
// never runs its body at all.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

async function body(name: string) {
  log(`${name}: body starts`);
  await asyncio.sleep(1);
  return name;
}

async function main() {
  const doneT = asyncio.createTask(body("finisher"));
  await doneT;
  log(`cancel done task -> ${str(doneT.cancel())}; cancelled=${str(doneT.cancelled())}`);
  const fresh = asyncio.createTask(body("never"));
  log(`cancel before first step -> ${str(fresh.cancel())}`);
  log(`cancel again -> ${str(fresh.cancel())}; cancelling()=${fresh.cancelling()}`);
  await asyncio.sleep(0);
  log(`fresh: done=${str(fresh.done())} cancelled=${str(fresh.cancelled())}`);
  const f = asyncio.getRunningLoop().createFuture();
  log(`future.cancel() -> ${str(f.cancel())}, again -> ${str(f.cancel())}, cancelled=${str(f.cancelled())}`);
}

asyncio.run(main());
