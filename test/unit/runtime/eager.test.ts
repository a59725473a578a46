// Expected values are CPython 3.14's (checked with the Pyodide runner in tools/py314).
import { describe, expect, it } from "vitest";
import { asyncio, SnippetCoroutine } from "../../../src/runtime/index.ts";
import { runSnippet } from "../../../src/sandbox/run.ts";
import { runMain, thrown } from "./helpers.ts";

describe("eager tasks", () => {
  it("run the first step inside createTask, as the current task, and hand back at the first suspension", () => {
    const seen: string[] = [];
    runMain(function* () {
      const t = asyncio.createTask(
        new SnippetCoroutine(
          (function* () {
            seen.push(`runs in ${asyncio.currentTask()?.getName()}`);
            yield asyncio.sleep(1);
            seen.push("resumes");
          })(),
          "worker",
        ),
        { eagerStart: true },
      );
      seen.push(`back in ${asyncio.currentTask()?.getName()}, done=${t.done()}`);
      yield t;
    });
    expect(seen).toEqual(["runs in Task-2", "back in Task-1, done=false", "resumes"]);
  });

  it("are done at creation when the coroutine never suspends, and forget it (getCoro() is None)", () => {
    const [done, result, coro] = runMain(function* () {
      const t = asyncio.createTask(new SnippetCoroutine((function* () { return 42; })(), "quick"), { eagerStart: true });
      return [t.done(), t.result(), t.getCoro()];
      yield;
    });
    expect([done, result, coro]).toEqual([true, 42, null]);
  });

  it("show in the trace as a flat hand-over: the creator waits on 'eager start of Task-2', the new task steps, the creator is woken by it", () => {
    const r = runSnippet(`import * as asyncio from "asyncio";
async function quick() {
  print("quick");
}
async function main() {
  asyncio.createTask(quick(), { eagerStart: true });
  print("main again");
}
asyncio.run(main());
`);
    const events = r.trace!.events().filter((e) => e.kind !== "run.start" && e.kind !== "run.end").map((e) => {
      if (e.kind === "step.end") return `step.end ${e.task}${e.wait ? ` ${e.wait.kind}:${e.wait.text}:${e.wait.target}` : ""}`;
      if (e.kind === "print") return `print ${e.task} ${e.text.trim()}`;
      if (e.kind === "task.wake") return `task.wake ${e.task} by ${e.cause}`;
      return `${e.kind} ${"task" in e ? e.task : ""}`;
    });
    expect(events.slice(0, 11)).toEqual([
      "task.create 1",
      "step.begin 1",
      "task.create 2",
      "step.end 1 eager:eager start of Task-2:2",
      "step.begin 2",
      "print 2 quick",
      "task.done 2",
      "step.end 2",
      "task.wake 1 by 2",
      "step.begin 1",
      "print 1 main again",
    ]);
  });

  it("come from the eager task factory, except with eagerStart: false", () => {
    const [eager, lazy, factory] = runMain(function* () {
      const loop = asyncio.getRunningLoop();
      loop.setTaskFactory(asyncio.eagerTaskFactory);
      const a = asyncio.createTask(new SnippetCoroutine((function* () { return 1; })(), "a"));
      const b = asyncio.createTask(new SnippetCoroutine((function* () { return 2; })(), "b"), { eagerStart: false });
      const f = loop.getTaskFactory();
      yield b;
      return [a.done(), b.result(), f === asyncio.eagerTaskFactory];
    });
    expect([eager, lazy, factory]).toEqual([true, 2, true]);
  });

  it("refuse a task factory that is not callable with Python's TypeError", () => {
    const e = runMain(() =>
      thrown(function* () {
        asyncio.getRunningLoop().setTaskFactory(42 as never);
      }),
    );
    expect(e).toBeInstanceOf(TypeError);
    expect((e as Error).message).toBe("task factory must be a callable or None");
  });

  it("refuse a non-coroutine under the eager factory as Task() does", () => {
    const e = runMain(() =>
      thrown(function* () {
        const loop = asyncio.getRunningLoop();
        loop.setTaskFactory(asyncio.eagerTaskFactory);
        loop.createTask(42 as never);
      }),
    );
    expect((e as Error).message).toBe("a coroutine was expected, got 42");
  });
});
