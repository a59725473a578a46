// TaskGroup: children failing in the same iteration are all collected, in the order they finished; a child whose cleanup
// (after being cancelled) raises adds its error too; the ExceptionGroup counts them.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

async function failAt(name: string, delay: number, exc: Error) {
  await asyncio.sleep(delay);
  log(`${name} raising ${excStr(exc)}`);
  throw exc;
}

async function badCleanup(name: string) {
  try {
    await asyncio.sleep(5);
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    log(`${name} cancelled, cleanup raises`);
    throw new KeyError(name);
  }
}

async function main() {
  try {
    await using tg = new asyncio.TaskGroup();
    tg.createTask(failAt("A", 1, new ValueError("a")));
    tg.createTask(badCleanup("C"));
    tg.createTask(failAt("B", 1, new TypeError("b")));
    tg.createTask(failAt("D", 2, new OSError("d")));
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    log(`${excStr(e)} -> ${str(e.exceptions.map((x) => excStr(x)))}`);
  }
  try {
    await using tg = new asyncio.TaskGroup();
    for (let i = 0; i < 3; i++) {
      tg.createTask(failAt(`T${i}`, 0.5, new RuntimeError(`r${i}`)));
    }
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    log(`${excStr(e)} -> ${str(e.exceptions.map((x) => excStr(x)))}`);
  }
}

asyncio.run(main());
