/**
 * runSnippet against snippets that throw what no program should, print
 * values that fight back, or sleep for delays no clock can hold: it always
 * returns a result, in Python's terms, and never throws.
 */
import { describe, expect, it } from "vitest";
import { failedInsideRuntime, pythonError, runSnippet } from "../../../src/sandbox/run.ts";

const HEAD = 'import * as asyncio from "asyncio";\n';
const outcome = (source: string) => {
  const r = runSnippet(source, { trace: false });
  return { out: r.output.map((o) => o.text).join(""), kind: r.error?.kind ?? null, name: r.error?.name ?? null, message: r.error?.message ?? null, text: r.error?.text ?? "" };
};

describe("pythonError", () => {
  it("maps a stack overflow to RecursionError and a failed allocation to MemoryError", () => {
    expect(pythonError(new RangeError("Maximum call stack size exceeded"))).toEqual({ name: "RecursionError", message: "maximum recursion depth exceeded" });
    expect(pythonError(new RangeError("too much recursion"))?.name).toBe("RecursionError");
    expect(pythonError(new RangeError("Invalid string length"))).toEqual({ name: "MemoryError", message: "" });
    expect(pythonError(new RangeError("Array buffer allocation failed"))?.name).toBe("MemoryError");
  });

  it("maps nothing else, and survives values that throw when inspected", () => {
    expect(pythonError(new RangeError("Invalid array length: -1"))).toBeNull();
    expect(pythonError(new TypeError("Maximum call stack size exceeded"))).toBeNull();
    expect(pythonError("Maximum call stack size exceeded")).toBeNull();
    expect(pythonError(null)).toBeNull();
    const trap = new Proxy({}, { getPrototypeOf() { throw new Error("trap"); } });
    expect(pythonError(trap)).toBeNull();
    const liar = Object.create(RangeError.prototype, { message: { get() { throw new Error("no"); } } });
    expect(pythonError(liar)).toBeNull();
  });
});

describe("runSnippet with hostile snippets", () => {
  it("still prints a class as a class after the snippet replaces Object.getOwnPropertyDescriptor", () => {
    const saved = Object.getOwnPropertyDescriptor;
    try {
      const r = outcome("class A {}\nObject.getOwnPropertyDescriptor = () => undefined;\nprint(A, Map);");
      expect(r.out).toBe("<class 'A'> <class 'Map'>\n");
    } finally {
      Object.getOwnPropertyDescriptor = saved;
    }
  });

  it("reports deep recursion as RecursionError with a traceback", () => {
    const r = outcome("function down(n: number): number { return down(n + 1) + 1; }\ndown(0);");
    expect([r.kind, r.name, r.message]).toEqual(["runtime", "RecursionError", "maximum recursion depth exceeded"]);
    expect(r.text).toMatch(/^Traceback \(most recent call last\):\n {2}File "snippet.ts", line 2, in <module>/);
    expect(r.text.endsWith("RecursionError: maximum recursion depth exceeded")).toBe(true);
  });

  it("reports a thrown Proxy whose every trap throws, without throwing itself", () => {
    const r = outcome('throw new Proxy({}, { get() { throw new Error("trap"); }, getPrototypeOf() { throw new Error("trap"); } });');
    expect([r.kind, r.name]).toEqual(["runtime", "Exception"]);
    expect(r.text).toContain("(the error could not be shown)");
  });

  it("reports a thrown object whose getters and toString throw, and a thrown null", () => {
    expect(outcome('throw { get message() { throw new Error("no"); }, toString() { throw new Error("nope"); } };').kind).toBe("runtime");
    expect(outcome("throw null;").text).toMatch(/NoneType: None$/);
  });

  it("prints values that throw when printed, proxies that trap everything and values that contain themselves", () => {
    const r = outcome(
      'const bad = { toString() { throw new Error("no"); } };\nconst trap = new Proxy({}, { get() { throw new Error("t"); }, ownKeys() { throw new Error("t"); }, getPrototypeOf() { throw new Error("t"); } });\nconst self: any[] = []; self.push(self);\nprint(bad); print(trap); print(self);',
    );
    expect(r.kind).toBeNull();
    expect(r.out.split("\n")).toEqual(["{'toString': <function toString>}", "<object object (repr failed: Error: t)>", "[[...]]", ""]);
  });

  it("returns at once from a negative sleep and raises ValueError for a NaN one, as time.sleep does", () => {
    expect(outcome(`${HEAD}async function main() { await asyncio.sleep(-5); print(asyncio.getRunningLoop().time() === 0); }\nasyncio.run(main());`).out).toBe("True\n");
    const nan = outcome(`${HEAD}async function main() { await asyncio.sleep(NaN); }\nasyncio.run(main());`);
    expect([nan.name, nan.message]).toEqual(["ValueError", "Invalid delay: NaN (not a number)"]);
  });

  it.each(["Infinity", "1e300"])("ends a sleep(%s) at the virtual time limit", (delay) => {
    const r = outcome(`${HEAD}async function main() { await asyncio.sleep(${delay}); print("woke"); }\nasyncio.run(main());`);
    expect([r.kind, r.name]).toEqual(["limit", "time"]);
    expect(r.out).not.toContain("woke");
  });

  it("caps the runtime's own warnings after a limit, with a count of what it left out", () => {
    const r = runSnippet(`${HEAD}async function c() { await asyncio.sleep(1); }\nasync function main() { for (let i = 0; i < 3000; i++) asyncio.createTask(c()); while (true) await asyncio.sleep(0); }\nasyncio.run(main());`, {
      trace: false,
      budgets: { maxOutputChars: 5000, maxSteps: 20_000 },
    });
    const last = r.output[r.output.length - 1];
    expect(last.stream).toBe("warning");
    expect(last.text).toMatch(/^\.\.\. [\d,]+ more messages not shown \(output limit\)\.$/);
    expect(r.output.reduce((n, o) => n + o.text.length, 0)).toBeLessThan(10_200);
  });

  it("keeps the loop's session, budgets and hooks out of a program's reach", () => {
    const r = outcome(`${HEAD}async function main() {\n  const loop: any = asyncio.getRunningLoop();\n  const lock: any = new asyncio.Lock();\n  print(loop._session, loop._hooks, lock._session, Object.getOwnPropertySymbols(loop).length);\n  print(Object.keys(loop).some((k) => /session|hooks|budget/i.test(k)));\n}\nasyncio.run(main());`);
    expect(r.kind).toBeNull();
    expect(r.out).toBe("None None None 0\nFalse\n");
  });

  it.each([
    ["junk on the ready queue", "loop._ready.push({ cancelled: 1 }, null);"],
    ["the task list replaced", "loop._tasks = null;"],
  ])("turns a runtime broken by %s into a clear SystemError, keeping the output", (_, attack) => {
    const r = outcome(`${HEAD}async function main() {\n  print("before");\n  const loop: any = asyncio.getRunningLoop();\n  ${attack}\n  await asyncio.sleep(0);\n  await asyncio.sleep(1);\n}\nasyncio.run(main());`);
    expect(r.out).toBe("before\n");
    expect([r.kind, r.name]).toEqual(["runtime", "SystemError"]);
    expect(r.message).toMatch(/^Async Lab's runtime failed while running this program \(.+\)\. Either the program changed the runtime's own objects, or this is a bug in Async Lab\. The output so far is kept\.$/);
  });

  it("leaves a program's own TypeError its own, with its traceback", () => {
    const r = outcome(`${HEAD}async function main() {\n  const loop: any = asyncio.getRunningLoop();\n  loop._scheduled.size = 5;\n}\nasyncio.run(main());`);
    expect([r.kind, r.name]).toEqual(["runtime", "TypeError"]);
    expect(r.text).toContain('File "snippet.ts", line 4, in main');
  });
});

describe("failedInsideRuntime", () => {
  const thrown = (stack: string) => Object.assign(new TypeError("t.cancelled is not a function"), { stack });

  it("tells an engine error raised inside the runtime from one the snippet raised, in V8's stack format", () => {
    expect(failedInsideRuntime(thrown("TypeError: x\n    at Task._step (https://a.example/sandbox/worker.js:1:200)\n    at EventLoop.runOnce (https://a.example/sandbox/worker.js:1:900)"))).toBe(true);
    expect(failedInsideRuntime(thrown("TypeError: x\n    at main (snippet.ts:7:5)\n    at Task._step (https://a.example/sandbox/worker.js:1:200)"))).toBe(false);
  });

  it("does the same in Firefox's and Safari's format", () => {
    expect(failedInsideRuntime(thrown("_step@https://a.example/sandbox/worker.js:1:200\nrunOnce@https://a.example/sandbox/worker.js:1:900"))).toBe(true);
    expect(failedInsideRuntime(thrown("main@snippet.ts:7:5\n_step@https://a.example/sandbox/worker.js:1:200"))).toBe(false);
  });
});
