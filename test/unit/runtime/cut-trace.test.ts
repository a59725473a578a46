import { describe, expect, it } from "vitest";
import { cutTrace } from "../../../src/runtime/index.ts";
import { runSnippet } from "../../../src/sandbox/run.ts";
import { traceOf as trace } from "../timeline/helpers.ts";

const WORKERS = `import * as asyncio from "asyncio";
const lock = new asyncio.Lock();
async function worker(i: number) {
  await asyncio.sleep(i);
  await using _ = lock;
  print("worker", i);
}
async function main() {
  await asyncio.gather(worker(1), worker(2), worker(3));
}
asyncio.run(main());
`;

describe("cutting a trace short", () => {
  it("returns a trace that fits as it is", () => {
    const t = trace(WORKERS);
    expect(cutTrace(t, t.count)).toBe(t);
  });

  it("keeps the first events, the tasks they create, and marks the trace truncated", () => {
    const t = trace(WORKERS);
    // Up to the second worker's creation: main and two workers exist, nobody has finished.
    const creates = t.events().filter((e) => e.kind === "task.create");
    const keep = creates[2].seq + 1;
    const short = cutTrace(t, keep);
    expect(short.truncated).toBe(true);
    expect(short.events()).toEqual(t.events().slice(0, keep));
    expect(short.endTime).toBe(0);
    expect(short.tasks.map((x) => [x.name, x.outcome, x.endedAt])).toEqual([
      ["Task-1", "pending", null],
      ["Task-2", "pending", null],
      ["Task-3", "pending", null],
    ]);
    expect(short.primitives).toEqual([]);
  });

  it("keeps a task's end when its task.done is kept, and the primitives kept events name", () => {
    const t = trace(WORKERS);
    const done = t.events().findIndex((e) => e.kind === "task.done");
    const short = cutTrace(t, done + 1);
    const finished = short.tasks.filter((x) => x.outcome !== "pending");
    expect(finished.map((x) => [x.name, x.endedAt])).toEqual([["Task-2", 1]]);
    expect(short.primitives.map((p) => p.label)).toEqual(t.primitives.map((p) => p.label));
    expect(short.endTime).toBe(1);
  });

  it("cuts a runaway loop's trace to its start, as the sandbox sends it back", () => {
    const t = runSnippet(`import * as asyncio from "asyncio";\nasync function main() { print("spinning"); while (true) await asyncio.sleep(0); }\nasyncio.run(main());`, { budgets: { maxSteps: 20_000 } }).trace!;
    expect(t.count).toBeGreaterThan(50_000);
    const short = cutTrace(t, 1000);
    expect(short.count).toBe(1000);
    expect(short.events()).toEqual(t.events().slice(0, 1000));
    expect(short.tasks.map((x) => x.name)).toEqual(["Task-1"]);
  });
});
