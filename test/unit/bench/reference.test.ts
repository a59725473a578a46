import { describe, expect, it } from "vitest";
import { referenceRunner } from "../../../bench/reference.ts";

// The bare own loop the bench measures beside the runtime (bench/reference.ts):
// it must run each workload to its check, and its trace must hold what it says.
describe("the bench's bare own loop", () => {
  it.each(["W1", "W2", "W3", "W4"])("runs %s to its check, traced and not", async (w) => {
    for (const traced of [false, true]) {
      const r = await referenceRunner(w, 500, traced)();
      expect(r.ok).toBe(true);
      expect(r.events > 0).toBe(traced);
    }
  });

  it("traces every task created and done, and each step's begin and end", async () => {
    const n = 7;
    const run = referenceRunner("W1", n, true);
    // main: created, 2 steps (spawn + join, woken), done; each worker: created, 101 steps (100 sleeps), done.
    const main = 1 + 2 + 1 + 1;
    const worker = 1 + 101 + 100 + 1;
    expect((await run()).events).toBe(main + n * worker);
    expect((await run()).events).toBe(main + n * worker); // the trace is cleared between runs, not appended to
  });

  it("steps every W2 task through acquire, sleep and release, waiters included", async () => {
    // 300 tasks, 100 permits: 200 wait, and each must be let in by a release to finish.
    // Traced: each worker is created, steps 4 times (to acquire, sleep, release, its end) and is done.
    const r = await referenceRunner("W2", 300, true)();
    expect(r.ok).toBe(true);
    expect(r.events).toBe(1 + 2 + 1 + 1 + 300 * (1 + 4 + 3 + 1));
  });
});
