// capture/format/print_call_graph (3.14): a task's stack, innermost first, then who awaits it: a gather child is awaited
// by the task that called gather; limit and depth slice the stack.
// (Lines 8-40 sit on the same lines as in the Python file: the graphs print line numbers.)
import * as asyncio from "asyncio";
import * as time from "time";


async function leaf(n: number) {
  await asyncio.sleep(n);
}

async function middle() {
  await leaf(2);
}

async function worker() {
  show(asyncio.formatCallGraph());
  await middle();
}

async function gatherer() {
  await asyncio.gather(worker(), leaf(1));
}

async function main() {
  const t = asyncio.createTask(gatherer(), { name: "gatherer" });
  await asyncio.sleep(0.5);
  const tasks = [...asyncio.allTasks()].sort((a, b) => (a.getName() < b.getName() ? -1 : 1));
  log(`tasks: ${str(tasks.map((x) => x.getName()))}`);
  for (const x of tasks.slice(1))
    show(asyncio.formatCallGraph(x));
  const g = asyncio.captureCallGraph(tasks[1])!;
  log(`stack of ${(g.future as asyncio.Task).getName()}: ${str(g.callStack.map((e) => e.frame.qualname))}`);
  log(`awaited by: ${str(g.awaitedBy.map((p) => (p.future as asyncio.Task).getName()))}`);
  show(asyncio.formatCallGraph(tasks[1], { limit: 2 }));
  show(asyncio.formatCallGraph(tasks[1], { limit: -1 }));
  show(asyncio.formatCallGraph(tasks[1], { limit: 0 }));
  const out = { text: "", write(s: string) { this.text += s; } };
  asyncio.printCallGraph(null, { file: out });
  show(out.text);
  show(asyncio.formatCallGraph(null, { depth: 1 }));
  log(`gatherer -> ${str(await t)}`);
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
