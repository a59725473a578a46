// TaskGroup: a child that raises CancelledError by itself (or is cancelled by someone) simply ends cancelled; it is not an
// error, the siblings keep running and the group exits normally.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

async function quitter() {
  await asyncio.sleep(0.5);
  log("quitter raises CancelledError itself");
  throw new asyncio.CancelledError("I quit");
}

async function worker(name: string, delay: number) {
  await asyncio.sleep(delay);
  log(`${name} finished`);
  return name;
}

async function main() {
  let w1: asyncio.Task<string>, w2: asyncio.Task<string>;
  {
    await using tg = new asyncio.TaskGroup();
    const q = tg.createTask(quitter());
    w1 = tg.createTask(worker("w1", 1));
    w2 = tg.createTask(worker("w2", 2));
    await asyncio.sleep(1.5);
    log(`quitter cancelled=${str(q.cancelled())}; cancelling w2 from the body`);
    w2.cancel();
  }
  log(`group exited normally: w1=${w1.result()} w2 cancelled=${str(w2.cancelled())}`);
  log(`main cancelling()=${asyncio.currentTask()!.cancelling()}`);
}

asyncio.run(main());
