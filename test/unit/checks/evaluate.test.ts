/**
 * Each check on real runs (the lesson examples through the pipeline), the
 * passing case and the failing one, and the words it says.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { codeOnly, evaluate, seconds } from "../../../src/checks/evaluate.ts";
import { factsOf, type RunFacts } from "../../../src/checks/facts.ts";
import * as c from "../../../src/checks/specs.ts";
import { TraceRecorder } from "../../../src/runtime/index.ts";
import { runSnippet } from "../../../src/sandbox/run.ts";

const cache = new Map<string, RunFacts>();
function facts(example: string): RunFacts {
  let f = cache.get(example);
  if (!f) {
    const source = readFileSync(`src/content/examples/${example}.ts`, "utf8");
    f = factsOf(runSnippet(source), source);
    cache.set(example, f);
  }
  return f;
}
const check = (spec: c.CheckSpec, example: string) => evaluate(spec, facts(example));

const BLOCKING = "01-why-async/blocking-requests";
const CONCURRENT = "01-why-async/concurrent-aiohttp";
const UNBOUNDED = "04-patterns-and-pitfalls/unbounded";
const SEMAPHORE = "04-patterns-and-pitfalls/semaphore";
const BLOCKED_TICKER = "04-patterns-and-pitfalls/blocking-call";
const EXECUTOR_TICKER = "04-patterns-and-pitfalls/run-in-executor";

describe("loop time", () => {
  it("passes a run that ends in time and fails one that does not, saying how long it took", () => {
    expect(check(c.loopTime({ atMost: 1.5 }), CONCURRENT)).toEqual({ pass: true, goal: "Takes at most 1.5 s of loop time", seen: "took 1.0 s of loop time" });
    expect(check(c.loopTime({ atMost: 1.5 }), BLOCKING)).toEqual({ pass: false, goal: "Takes at most 1.5 s of loop time", seen: "took 5.0 s of loop time" });
    expect(check(c.loopTime({ atLeast: 2 }), CONCURRENT).pass).toBe(false);
  });
});

describe("requests in flight", () => {
  it("counts the most requests in flight at once to a host", () => {
    expect(check(c.inFlight({ host: "httpbin.org", atLeast: 5 }), CONCURRENT)).toEqual({ pass: true, goal: "At least 5 requests in flight at once to httpbin.org", seen: "at the busiest, 5 requests were in flight at once to httpbin.org" });
    expect(check(c.inFlight({ host: "httpbin.org", atLeast: 5 }), BLOCKING).seen).toBe("at the busiest, 1 request was in flight at once to httpbin.org");
    expect(check(c.inFlight({ atMost: 3 }), SEMAPHORE).pass).toBe(true);
    expect(check(c.inFlight({ atMost: 3 }), UNBOUNDED)).toMatchObject({ pass: false, goal: "At most 3 requests in flight at once" });
    expect(check(c.inFlight({ host: "nowhere.example", atLeast: 1 }), CONCURRENT)).toMatchObject({ pass: false, seen: "no request was sent to nowhere.example" });
  });
});

describe("a blocked loop", () => {
  it("finds the longest blocked stretch and what blocked it", () => {
    expect(check(c.blocked(0), CONCURRENT)).toEqual({ pass: true, goal: "Never blocks the event loop", seen: "the loop was never blocked" });
    expect(check(c.blocked(0), BLOCKED_TICKER)).toEqual({ pass: false, goal: "Never blocks the event loop", seen: "the loop was blocked for 2.0 s by time.sleep(2) at 0.8 s" });
    expect(check(c.blocked(2), BLOCKED_TICKER).pass).toBe(true);
    expect(check(c.blockedFor(1), BLOCKED_TICKER)).toMatchObject({ pass: true, goal: "Blocks the event loop for at least 1.0 s at a stretch (the blocking work still runs)" });
    expect(check(c.blockedFor(1), EXECUTOR_TICKER)).toMatchObject({ pass: false, seen: "the loop was never blocked" });
  });

  it("sees a ticker's timers fire late while the loop is blocked, and on time when the work is on a thread", () => {
    expect(check(c.late(0.05), EXECUTOR_TICKER)).toEqual({ pass: true, goal: "Every timer fires on time (at most 0.05 s late)", seen: "every timer fired on time" });
    const late = check(c.late(0.05), BLOCKED_TICKER);
    expect(late.pass).toBe(false);
    expect(late.seen).toMatch(/^a sleep 0\.5 s timer due at 1\.0 s fired 1\.8 s late$/);
  });
});

describe("semaphores and responses", () => {
  it("counts the most tasks holding a semaphore at once", () => {
    expect(check(c.held("semaphore", { atMost: 3, atLeast: 3 }), SEMAPHORE)).toEqual({ pass: true, goal: "Between 3 and 3 tasks hold a semaphore at once".replace("Between 3 and 3", "Exactly 3"), seen: "at the busiest, 3 tasks held Semaphore(3) at once" });
    expect(check(c.held("semaphore", { atMost: 3 }), UNBOUNDED)).toEqual({ pass: false, goal: "At most 3 tasks hold a semaphore at once", seen: "no semaphore was used" });
  });

  it("counts responses by status", () => {
    expect(check(c.responses("429", { atMost: 0 }), UNBOUNDED)).toEqual({ pass: false, goal: "No response is 429", seen: "7 responses of 10 were 429 Too Many Requests" });
    expect(check(c.responses("429", { atMost: 0 }), SEMAPHORE)).toMatchObject({ pass: true, seen: "0 responses of 10 were 429" });
    expect(check(c.responses("200", { atLeast: 10 }), SEMAPHORE).pass).toBe(true);
  });
});

describe("tasks", () => {
  it("counts tasks by how they ended, of one coroutine or all", () => {
    expect(check(c.tasks("cancelled", { atLeast: 2 }), "05-advanced/taskgroup")).toMatchObject({ pass: true, goal: "At least 2 tasks are cancelled" });
    expect(check(c.tasks("error", { atMost: 0 }), "05-advanced/taskgroup")).toMatchObject({ pass: false, goal: "No task raises an error", seen: "1 of 4 tasks raised an error" });
    expect(check(c.tasks("cancelled", { atLeast: 1 }), CONCURRENT)).toMatchObject({ pass: false, goal: "At least 1 task is cancelled", seen: "0 of 6 tasks were cancelled" });
    expect(check(c.tasks("result", { atLeast: 5, coro: "download" }), CONCURRENT)).toMatchObject({ pass: true, goal: "At least 5 download() tasks finish normally", seen: "5 of 5 download() tasks finished normally" });
  });
});

describe("printed lines", () => {
  const lines = ["request 1: 200", "request 2: 200", "request 3: 200", "request 4: 200", "request 5: 200", "5 responses, took 1.0 s"];
  it("matches exactly, in order, or as a set, and names the first difference", () => {
    expect(check(c.printsExactly(lines), CONCURRENT).pass).toBe(true);
    expect(check(c.printsExactly(lines), BLOCKING)).toMatchObject({ pass: false, seen: "line 6 is “5 responses, took 5.0 s”, not “5 responses, took 1.0 s”" });
    expect(check(c.printsExactly(lines.slice(0, 5)), CONCURRENT)).toMatchObject({ pass: false, seen: "line 6 is one too many: “5 responses, took 1.0 s”" });
    expect(check(c.printsInOrder(["request 1: 200", "5 responses, took 1.0 s"]), CONCURRENT).pass).toBe(true);
    expect(check(c.printsInOrder(["item 10: 200", "item 1: 200"]), SEMAPHORE)).toMatchObject({ pass: false, seen: "“item 1: 200” came too early (before “item 10: 200”)" });
    expect(check(c.printsAll(["item 1: 200", "item 3: 200"]), UNBOUNDED).pass).toBe(true);
    expect(check(c.printsAll(["item 1: 200", "item 11: 200"]), UNBOUNDED)).toMatchObject({ pass: false, seen: "missing: “item 11: 200”" });
  });

  it("checks the loop time a line was printed at", () => {
    expect(check(c.printedAt("tick 2 at 1.0 s", 1), EXECUTOR_TICKER)).toMatchObject({ pass: true, seen: "it was printed at 1.0 s" });
    expect(check(c.printedAt("tick 2 at 2.8 s", 1), BLOCKED_TICKER)).toMatchObject({ pass: false, seen: "it was printed at 2.8 s" });
    expect(check(c.printedAt("tick 9", 1), BLOCKED_TICKER)).toMatchObject({ pass: false, seen: "“tick 9” was never printed" });
  });
});

describe("warnings and errors", () => {
  it("sees the never-awaited warning", () => {
    const r = check(c.noWarnings(), "02-basics/forgot-await");
    expect(r.pass).toBe(false);
    expect(r.seen).toMatch(/^1 warning, the first: “.*coroutine 'greet' was never awaited/);
    expect(check(c.noWarnings(), CONCURRENT)).toEqual({ pass: true, goal: "No warnings", seen: "no warnings" });
  });

  it("says what an uncaught error was", () => {
    expect(check(c.runs(), CONCURRENT)).toEqual({ pass: true, goal: "Runs to the end without an uncaught error", seen: "it ran to the end" });
    const source = 'import * as asyncio from "asyncio";\nasync function main() { new asyncio.Semaphore(-1); }\nasyncio.run(main());\n';
    const r = evaluate(c.runs(), factsOf(runSnippet(source), source));
    expect(r).toEqual({ pass: false, goal: "Runs to the end without an uncaught error", seen: "it raised ValueError: Semaphore initial value must be >= 0" });
  });
});

describe("the APIs a program uses", () => {
  it("finds them in the run first, else in the code, never in comments or strings", () => {
    expect(check(c.uses("gather"), CONCURRENT)).toEqual({ pass: true, goal: "Uses asyncio.gather", seen: "yes: a task waited on a gather" });
    expect(check(c.uses("Semaphore"), SEMAPHORE)).toMatchObject({ pass: true, seen: "yes: the run used Semaphore(3)" });
    expect(check(c.uses("Semaphore"), UNBOUNDED)).toMatchObject({ pass: false, seen: "not in this run or its code" });
    expect(check(c.uses("executor"), EXECUTOR_TICKER)).toMatchObject({ pass: true, seen: "yes: 1 job ran on worker threads" });
    expect(check(c.uses("aiohttp"), BLOCKING).pass).toBe(false);
    expect(check(c.uses("timeout"), "05-advanced/wait-for").pass).toBe(true);
    // aiohttp's default 300 s timeout on every request is not a timeout of the learner's.
    expect(check(c.uses("timeout"), CONCURRENT)).toMatchObject({ pass: false, seen: "not in this run or its code" });
    expect(check(c.uses("returnExceptions"), "03-scraper/return-exceptions").pass).toBe(true);
    expect(check(c.uses("returnExceptions"), "03-scraper/one-page-fails").pass).toBe(false);
    const quoted = 'import * as asyncio from "asyncio";\n// asyncio.gather(a, b) would do it\nconst s = "gather(";\nasync function main() {}\nasyncio.run(main());\n';
    expect(evaluate(c.uses("gather"), factsOf(runSnippet(quoted), quoted)).pass).toBe(false);
  });

  it("strips comments and string contents but keeps a template's expressions", () => {
    expect(codeOnly('a // b\n/* c */ "d" \'e\' `f${g("h")}i`')).toBe('a \n  "" \'\' g("h")``');
  });
});

describe("seconds in words", () => {
  it("reads like the output panel", () => {
    expect(seconds(5)).toBe("5.0 s");
    expect(seconds(1.5)).toBe("1.5 s");
    expect(seconds(0.05)).toBe("0.05 s");
    expect(seconds(2.8000000001)).toBe("2.8 s");
  });
});

describe("a run whose trace was cut at its cap", () => {
  // 2,000 quick steps fill a 1,000-event trace; the blocking, the long sleep and the lock come after its end.
  const source = `import * as asyncio from "asyncio";
import * as time from "time";
async function main() {
  for (let i = 0; i < 2000; i++) await asyncio.sleep(0);
  time.sleep(3);
  await asyncio.sleep(10);
  const lock = new asyncio.Lock();
  await using _ = lock;
}
asyncio.run(main());
`;
  const f = factsOf(runSnippet(source, { recorder: new TraceRecorder(1000) }), source);

  it("fails every check that reads the trace's events, saying why, instead of passing on what was recorded", () => {
    expect(f.truncated).toBe(true);
    for (const spec of [c.loopTime({ atMost: 1 }), c.blocked(0), c.late(0), c.inFlight({ atMost: 0 }), c.responses("200", { atMost: 0 }), c.held("lock", { atMost: 0 })]) {
      const r = evaluate(spec, f);
      expect(r.pass, r.goal).toBe(false);
      expect(r.seen).toMatch(/trace stops early/);
    }
  });

  it("still judges what does not come from the events", () => {
    expect(evaluate(c.runs(), f).pass).toBe(true);
    expect(evaluate(c.noWarnings(), f).pass).toBe(true);
  });
});
