// Messages are CPython 3.14's asyncio/graph.py (checked with the Pyodide runner in tools/py314).
import { describe, expect, it } from "vitest";
import { asyncio, awaitGraph, callGraphData, RuntimeError, Session, SnippetCoroutine, withSession } from "../../../src/runtime/index.ts";
import { SNIPPET_FILENAME } from "../../../src/runtime/testing.ts";
import { SNIPPET_FILE } from "../../../src/sandbox/evaluate.ts";
import { runSnippet } from "../../../src/sandbox/run.ts";
import { runMain, thrown } from "./helpers.ts";

const co = <T>(name: string, body: () => Generator<unknown, T, unknown>) => new SnippetCoroutine(body(), name);

describe("captureCallGraph", () => {
  it("refuses something that is not a future with Python's TypeError", () => {
    const e = runMain(() =>
      thrown(function* () {
        asyncio.captureCallGraph(42 as never);
      }),
    );
    expect(e).toBeInstanceOf(TypeError);
    expect((e as Error).message).toBe("42 object does not appear to be compatible with asyncio.Future");
  });

  it("raises RuntimeError outside a running loop when no future is given", () => {
    const e = withSession(new Session(), () => {
      try {
        asyncio.formatCallGraph();
      } catch (err) {
        return err;
      }
    });
    expect(e).toBeInstanceOf(RuntimeError);
    expect((e as Error).message).toBe("capture_call_graph() is called outside of a running event loop and no *future* to introspect was provided");
  });

  it("returns None (and format an empty string) in a callback, where no task runs", () => {
    const got = runMain(function* () {
      const loop = asyncio.getRunningLoop();
      const fut = loop.createFuture<[unknown, string]>();
      loop.callSoon(() => fut.setResult([asyncio.captureCallGraph(), asyncio.formatCallGraph()]));
      return (yield fut) as [unknown, string];
    });
    expect(got).toEqual([null, ""]);
  });

  it("names snippet frames by the sandbox's file name", () => {
    expect(SNIPPET_FILENAME).toBe(SNIPPET_FILE);
  });

  it("does not loop forever on tasks that await each other (a deadlock)", () => {
    const r = runSnippet(`import * as asyncio from "asyncio";
let a!: asyncio.Task<void>, b!: asyncio.Task<void>;
async function first() { await asyncio.sleep(0); await b; }
async function second() { await asyncio.sleep(0); await a; }
async function main() {
  a = asyncio.createTask(first(), { name: "a" });
  b = asyncio.createTask(second(), { name: "b" });
  await asyncio.sleep(1);
  print(asyncio.formatCallGraph(a));
}
asyncio.run(main());
`);
    expect(r.output.filter((o) => o.stream === "stdout").map((o) => o.text).join("")).toBe(
      [
        "* Task(name='a', id=0x2)",
        "  + Call stack:",
        "  |   File 'snippet.ts', line 3, in async first()",
        "  + Awaited by:",
        "    * Task(name='b', id=0x3)",
        "      + Call stack:",
        "      |   File 'snippet.ts', line 4, in async second()",
        "",
      ].join("\n"),
    );
  });
});

describe("awaitGraph", () => {
  it("lists every unfinished task as plain data: trace ids, frames, what it waits on and who awaits it", () => {
    const graph = runMain(function* () {
      const worker = (n: number) => co("worker", function* () {
        yield asyncio.sleep(n);
      });
      const g = asyncio.gather(worker(1), worker(2));
      yield asyncio.sleep(0);
      const snapshot = awaitGraph(asyncio.getRunningLoop());
      yield g;
      return snapshot;
    });
    expect(JSON.parse(JSON.stringify(graph))).toEqual(graph);
    const [main, w1, w2] = graph;
    expect(main).toMatchObject({ name: "Task-1", coro: "main", waitsOn: null, awaitedBy: [] });
    expect(w1).toMatchObject({ name: "Task-2", coro: "worker", waitsOn: { kind: "sleep", text: "sleep 1 s" }, awaitedBy: [main.id] });
    expect(w1.callStack.map((f) => `${f.qualname} ${f.filename}:${f.lineno}`)).toEqual(["sleep asyncio/tasks.py:702", "worker snippet.ts:0"]);
    expect(w2.awaitedBy).toEqual([main.id]);
  });

  it("gives a graph as plain data with callGraphData, futures named by what waiting on them means", () => {
    const data = runMain(function* () {
      const loop = asyncio.getRunningLoop();
      const fut = loop.createFuture();
      const t = asyncio.createTask(co("waiter", function* () {
        yield fut;
      }), { name: "waiter" });
      yield asyncio.sleep(0);
      const g = callGraphData(asyncio.captureCallGraph(fut)!);
      t.cancel();
      return g;
    });
    expect(data).toMatchObject({ kind: "future", name: "Future", callStack: [], awaitedBy: [{ kind: "task", name: "waiter", awaitedBy: [] }] });
  });
});
