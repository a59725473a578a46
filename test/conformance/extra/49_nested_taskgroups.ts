// Nested TaskGroups: an inner group's ExceptionGroup fails the outer group's child, so the outer group raises an
// ExceptionGroup containing the inner one; the outer sibling is cancelled; except* matches leaves at any depth.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);
const excStr = (e: unknown) => (str(e) ? `${(e as Error).name}: ${str(e)}` : (e as Error).name);

const tree = (e: unknown): string =>
  e instanceof BaseExceptionGroup ? `${e.name}(${e.exceptions.length})[${e.exceptions.map(tree).join(", ")}]` : excStr(e);

async function child(name: string, delay: number, fail = false) {
  try {
    await asyncio.sleep(delay);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) log(`${name} cancelled`);
    throw e;
  }
  log(`${name} ${fail ? "raising" : "done"}`);
  if (fail) {
    throw new ValueError(name);
  }
}

async function innerGroup() {
  await using tg = new asyncio.TaskGroup();
  for (const [name, delay, fail] of [["inner-ok", 0.5, false], ["inner-bad", 1, true], ["inner-slow", 3, false]] as const) {
    tg.createTask(child(name, delay, fail));
  }
}

async function main() {
  try {
    await using outer = new asyncio.TaskGroup();
    outer.createTask(innerGroup());
    outer.createTask(child("outer-slow", 3));
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    log(`caught ${tree(e)}; inner: ${excStr(e.exceptions[0])}`);
  }
  try {
    await using outer = new asyncio.TaskGroup();
    outer.createTask(innerGroup());
  } catch (e) {
    // except* ValueError as eg:
    const [eg, rest] = (e as ExceptionGroup).split(ValueError);
    if (eg) {
      log(`except* ValueError got ${tree(eg)}`);
    }
    if (rest) throw rest;
  }
}

asyncio.run(main());
