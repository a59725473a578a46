import { describe, expect, it } from "vitest";
import { runSnippet } from "../../../src/sandbox/run.ts";

const HEAD = 'import * as asyncio from "asyncio";\nimport * as time from "time";\n';

function stdout(source: string): string {
  const r = runSnippet(HEAD + source, { trace: false });
  return r.output.filter((o) => o.stream === "stdout").map((o) => o.text).join("");
}

describe("runSnippet", () => {
  it("runs a snippet written the way the design shows, with Python's output", () => {
    const r = runSnippet(
      `${HEAD}async function greet(name: string) {\n  print(\`Hello, \${name}!\`);\n  await asyncio.sleep(1);\n  print(\`Goodbye, \${name}!\`);\n}\nasync function main() {\n  await asyncio.gather(greet("Alice"), greet("Bob"));\n}\nasyncio.run(main());`,
    );
    expect(r.ok).toBe(true);
    expect(r.output.map((o) => [o.time, o.task, o.text])).toEqual([
      [0, "Task-2", "Hello, Alice!\n"],
      [0, "Task-3", "Hello, Bob!\n"],
      [1, "Task-2", "Goodbye, Alice!\n"],
      [1, "Task-3", "Goodbye, Bob!\n"],
    ]);
    expect(r.stats.virtualTime).toBe(1);
    // main and the two greeters; asyncio.run's own shutdown tasks are not the program's
    expect(r.stats.tasks).toBe(3);
  });

  it("turns await using into async with: a timeout converts its cancellation into TimeoutError at the block's end", () => {
    const out = stdout(`async function main() {
  try {
    await using t = asyncio.timeout(1.5);
    await asyncio.sleep(10);
    print("not reached");
  } catch (e) {
    print(repr(e), time.monotonic());
  }
}
asyncio.run(main());`);
    expect(out).toBe("TimeoutError() 1.5\n");
  });

  it("releases a semaphore held with await using even when the block raises", () => {
    const out = stdout(`const sem = new asyncio.Semaphore(1);
async function risky() {
  await using _ = sem;
  throw new ValueError("boom");
}
async function main() {
  try { await risky(); } catch (e) { print(str(e)); }
  print(sem.locked());
}
asyncio.run(main());`);
    expect(out).toBe("boom\nFalse\n");
  });

  it("compiles an await using that is the last statement of its block (an empty async with body)", () => {
    const out = stdout(`async function main() {
  const sem = new asyncio.Semaphore(1);
  { await using _s = sem; }
  try { print(sem.locked()); } catch (e) { print("unreachable"); }
}
asyncio.run(main());`);
    expect(out).toBe("False\n");
  });

  it("waits for a TaskGroup's tasks at the end of its block and raises their errors together", () => {
    const out = stdout(`async function child(n: number) { await asyncio.sleep(n); if (n === 2) throw new ValueError("two"); print("child", n); }
async function main() {
  try {
    await using tg = new asyncio.TaskGroup();
    tg.createTask(child(1));
    tg.createTask(child(2));
    tg.createTask(child(3));
  } catch (e) {
    print(str(e), repr((e as ExceptionGroup).exceptions), time.monotonic());
  }
}
asyncio.run(main());`);
    expect(out).toBe("child 1\nunhandled errors in a TaskGroup (1 sub-exception) [ValueError('two')] 2\n");
  });

  it("turns for await into async for over asCompleted, yielding the tasks in completion order", () => {
    const out = stdout(`async function job(d: number) { await asyncio.sleep(d); return d; }
async function main() {
  const ts = [3, 1, 2].map((d) => asyncio.createTask(job(d)));
  for await (const t of asyncio.asCompleted(ts)) print(t.result(), time.monotonic());
}
asyncio.run(main());`);
    expect(out).toBe("1 1\n2 2\n3 3\n");
  });

  it("warns about a coroutine that is never awaited, naming its line", () => {
    const r = runSnippet(`${HEAD}async function work() {}\nasync function main() {\n  work();\n}\nasyncio.run(main());`);
    const warning = r.output.find((o) => o.stream === "warning");
    expect(warning?.text).toBe("snippet.ts:5: RuntimeWarning: coroutine 'work' was never awaited");
  });

  it("keeps the line a coroutine made before another one is paused at, once it runs (the call graph's frames), and still warns about the other", () => {
    const r = runSnippet(
      `${HEAD}async function mid() {\n  asyncio.printCallGraph();\n}\nasync function outer() {\n  await mid();\n}\nasync function main() {\n  const a = outer();\n  const b = outer();\n  await a;\n}\nasyncio.run(main());`,
    );
    const frames = r.output.filter((o) => o.stream === "stdout").map((o) => o.text).join("").match(/line \d+, in async \w+/g);
    expect(frames).toEqual(["line 4, in async mid", "line 7, in async outer", "line 12, in async main"]);
    expect(r.output.filter((o) => o.stream === "warning").map((o) => o.text)).toEqual(["snippet.ts:11: RuntimeWarning: coroutine 'outer' was never awaited"]);
  });

  it("reports an uncaught error with a Python traceback through the await chain", () => {
    const r = runSnippet(`${HEAD}async function inner() {\n  throw new KeyError("oops");\n}\nasync function main() {\n  await inner();\n}\nasyncio.run(main());`);
    expect(r.ok).toBe(false);
    expect(r.error?.text).toBe(
      [
        "Traceback (most recent call last):",
        '  File "snippet.ts", line 9, in <module>',
        "    asyncio.run(main());",
        '  File "snippet.ts", line 7, in main',
        "    await inner();",
        '  File "snippet.ts", line 4, in inner',
        '    throw new KeyError("oops");',
        "KeyError: 'oops'",
      ].join("\n"),
    );
    expect(r.error?.line).toBe(4);
  });

  it("shows one frame, named after the function, for an error in an async function's parameter default", () => {
    const r = runSnippet(`${HEAD}function bad(): number {\n  throw new ValueError("bad default");\n}\nasync function f(x = bad()) {\n  return x;\n}\nf();`);
    expect(r.error?.frames.slice(1).map((f) => [f.name, f.line])).toEqual([
      ["f", 6],
      ["bad", 4],
    ]);
  });

  it("reports a compile error with its position and Python's name", () => {
    const r = runSnippet('import * as numpy from "numpy";\n');
    expect(r.error).toMatchObject({ kind: "compile", name: "ModuleNotFoundError", line: 1 });
    expect(r.error?.message).toContain("No module named 'numpy'");
    expect(r.error?.message).toContain("asyncio, aiohttp, requests, time, bs4");
  });

  it("gives Python's ImportError for a name a module does not have", () => {
    const r = runSnippet('import { sleepy } from "asyncio";\n');
    expect(r.error?.text).toContain("ImportError: cannot import name 'sleepy' from 'asyncio'");
  });

  it("gives Python's errors for bad input, not crashes", () => {
    expect(stdout(`async function main() {
  for (const bad of [() => new asyncio.Semaphore(-1), () => asyncio.run(main())]) {
    try { bad(); } catch (e) { print((e as Error).name + ": " + str(e)); }
  }
  try { await asyncio.sleep(NaN); } catch (e) { print(str(e)); }
  try { await (5 as unknown as Promise<void>); } catch (e) { print(str(e)); }
}
asyncio.run(main());`)).toBe(
      "ValueError: Semaphore initial value must be >= 0\nRuntimeError: asyncio.run() cannot be called from a running event loop\nInvalid delay: NaN (not a number)\n'int' object can't be awaited\n",
    );
  });

  it("stops a task that loops forever on sleep(0) at the step budget, with a clear message", () => {
    const r = runSnippet(`${HEAD}async function main() { while (true) await asyncio.sleep(0); }\nasyncio.run(main());`, { budgets: { maxSteps: 10_000 } });
    expect(r.error).toMatchObject({ kind: "limit", name: "steps" });
    expect(r.error?.message).toContain("Step limit reached");
  });

  it("says a task that never ran was destroyed pending, and right after that its coroutine was never awaited", () => {
    const r = runSnippet(
      `${HEAD}async function worker() {\n  await asyncio.sleep(1);\n}\nasync function main() {\n  for (let i = 0; i < 5; i++) asyncio.createTask(worker());\n  await asyncio.sleep(1);\n}\nasyncio.run(main());`,
      { budgets: { maxTasks: 3 } },
    );
    expect(r.error?.kind).toBe("limit");
    expect(r.output.map((o) => (o.notice?.kind === "handler" ? `${o.notice.message} ${o.notice.task?.name}` : o.notice?.kind === "warning" ? o.notice.message : o.text))).toEqual([
      "Task was destroyed but it is pending! Task-1",
      "Task was destroyed but it is pending! Task-2",
      "coroutine 'worker' was never awaited",
      "Task was destroyed but it is pending! Task-3",
    ]);
  });

  it("stops runaway output at the output budget", () => {
    const r = runSnippet(`${HEAD}for (;;) print("spam");`, { budgets: { maxOutputChars: 1000 } });
    expect(r.error).toMatchObject({ kind: "limit", name: "output" });
    expect(r.output.map((o) => o.text).join("").length).toBeLessThanOrEqual(1000);
  });

  it("stops at the virtual time budget instead of sleeping forever", () => {
    const r = runSnippet(`${HEAD}async function main() { await asyncio.sleep(Infinity); }\nasyncio.run(main());`, { budgets: { maxVirtualTime: 3600 } });
    expect(r.error).toMatchObject({ kind: "limit", name: "time" });
  });

  it("reports a deadlock naming each stuck task and what it waits on", () => {
    const r = runSnippet(`${HEAD}async function main() {\n  const ev = new asyncio.Event();\n  await ev.wait();\n}\nasyncio.run(main());`);
    const notice = r.output.find((o) => o.notice?.kind === "deadlock");
    expect(notice?.text).toContain("Task-1 (main) waits on Event, at line 5");
  });

  it("keeps blocking calls on a simulated thread when run in an executor, so the loop goes on", () => {
    const out = stdout(`function blocking() { time.sleep(2); return "done"; }
async function ticker() { for (let i = 0; i < 3; i++) { print("tick", time.monotonic()); await asyncio.sleep(0.5); } }
async function main() {
  const t = asyncio.createTask(ticker());
  print(await asyncio.getRunningLoop().runInExecutor(null, blocking), time.monotonic());
  await t;
}
asyncio.run(main());`);
    expect(out).toBe("tick 0\ntick 0.5\ntick 1\ndone 2\n");
  });

  it("freezes the loop for a blocking time.sleep in a coroutine: timers fire late", () => {
    const out = stdout(`async function late() { await asyncio.sleep(1); print("timer fired at", time.monotonic()); }
async function main() { const t = asyncio.createTask(late()); await asyncio.sleep(0); time.sleep(3); await t; }
asyncio.run(main());`);
    expect(out).toBe("timer fired at 3\n");
  });

  it("records the trace with events tied to snippet lines", () => {
    const r = runSnippet(`${HEAD}async function main() {\n  await asyncio.sleep(1);\n}\nasyncio.run(main());`);
    const waits = r.trace?.events().filter((e) => e.kind === "step.end" && e.wait !== null) ?? [];
    expect(waits.map((e) => (e.kind === "step.end" ? [e.t, e.line, e.wait?.text] : null))).toEqual([[0, 4, "sleep 1 s"]]);
    expect(r.trace?.tasks.map((t) => [t.name, t.coro, t.outcome])).toEqual([["Task-1", "main", "result"]]);
  });
});
