// Call graph (3.14): a TaskGroup's tasks are awaited by the group's parent, seen waiting in TaskGroup._aexit; a task
// awaiting another task or a plain Future is awaited by it directly; a Future prints as Future(id=...).
// (Lines 8-38 sit on the same lines as in the Python file: the graphs print line numbers.)
import * as asyncio from "asyncio";
import * as time from "time";


async function child(fut: PromiseLike<unknown>) {
  await fut;
}

async function report() {
  await asyncio.sleep(1);
  show(asyncio.formatCallGraph());
}

async function inner_group(fut: asyncio.Future<string>) {
  await using tg = new asyncio.TaskGroup();
  tg.createTask(child(fut), { name: "grandchild" });
  tg.createTask(report(), { name: "reporter" });
}

async function waiter(t: asyncio.Task<void>) {
  return await t;
}

async function main() {
  const fut = asyncio.getRunningLoop().createFuture<string>();
  const solo = asyncio.createTask(child(asyncio.sleep(3, "solo")), { name: "solo" });
  { // the outer group: main waits for its tasks at the end of the block
    await using tg = new asyncio.TaskGroup();
    tg.createTask(inner_group(fut), { name: "inner-group" });
    tg.createTask(waiter(solo), { name: "waiter" });
    await asyncio.sleep(2);
    show(asyncio.formatCallGraph(fut));
    const g = asyncio.captureCallGraph(fut)!;
    log(`future awaited by ${str(g.awaitedBy.map((p) => (p.future as asyncio.Task).getName()))}; it by ${str(g.awaitedBy[0].awaitedBy.map((q) => (q.future as asyncio.Task).getName()))}`);
    show(asyncio.formatCallGraph(solo));
    fut.setResult("go");
  }
  log(`group done, solo -> ${str(solo.result())}`);
}

function log(msg: string) {
  print(`${time.monotonic().toFixed(3)} ${msg}`);
}

function show(text: string) {
  // ids are addresses in CPython and trace ids in Async Lab: number them by first appearance
  const ids = new Map<string, number>();
  text = text.replace(/id=0x[0-9a-f]+/g, (m) => `id=#${ids.get(m) ?? ids.set(m, ids.size + 1).get(m)}`);
  print(text.replaceAll("File 'snippet.ts'", "File 'main'").replace(/\n$/, ""));
}

asyncio.run(main());
