import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../../src/runtime/trace-api.ts";
import { buildModel, type TimelineModel } from "../../../src/components/timeline/model/model.ts";
import { LoopStateIndex } from "../../../src/components/timeline/state/loop-state.ts";
import { eventsOf, exampleTrace, traceOf } from "./helpers.ts";

/** Order of the first event matching `pred`. */
const find = (m: TimelineModel, pred: (e: TraceEvent) => boolean) => eventsOf(m).findIndex(pred);
const names = (m: TimelineModel, ids: readonly number[]) => ids.map((id) => m.taskName(id));

describe("the loop state at the playhead", () => {
  it("is empty before the first event", () => {
    const m = buildModel(exampleTrace("02-basics/greeters"));
    const s = new LoopStateIndex(m).at(-1);
    expect([s.running, s.readyCount, s.timerCount, s.waiting.length]).toEqual([0, 0, 0, 0]);
  });

  it("puts both greeters on the ready queue, in creation order, once main awaits gather", () => {
    const m = buildModel(exampleTrace("02-basics/greeters"));
    const k = find(m, (e) => e.kind === "step.end" && e.task === 1);
    const s = new LoopStateIndex(m).at(k);
    expect(s.running).toBe(0);
    expect(names(m, s.ready)).toEqual(["Task-2", "Task-3"]);
    expect(s.waiting.map((w) => [m.taskName(w.task), w.wait.text])).toEqual([["Task-1", "gather (2 awaitables)"]]);
  });

  it("lists pending timers by deadline, and who waits on what, while both greeters sleep", () => {
    const m = buildModel(exampleTrace("02-basics/greeters"));
    const k = find(m, (e) => e.kind === "step.end" && e.task === 3);
    const s = new LoopStateIndex(m).at(k);
    expect(s.readyCount).toBe(0);
    expect(s.timers.map((t) => [t.when, t.label, m.taskName(t.task)])).toEqual([
      [1, "sleep 1 s", "Task-2"],
      [1, "sleep 1 s", "Task-3"],
    ]);
    expect(s.groups.map((g) => [g.text, names(m, g.tasks)])).toEqual([
      ["sleep 1 s", ["Task-2", "Task-3"]],
      ["gather (2 awaitables)", ["Task-1"]],
    ]);
  });

  it("shows the running task during its step, and the finished count at the end", () => {
    const m = buildModel(exampleTrace("02-basics/greeters"));
    const index = new LoopStateIndex(m);
    const print = find(m, (e) => e.kind === "print" && e.task === 2);
    expect(m.taskName(index.at(print).running)).toBe("Task-2");
    const end = index.at(eventsOf(m).length - 1);
    expect(end.done).toEqual({ result: 3, error: 0, cancelled: 0 });
    expect([end.running, end.readyCount, end.timerCount, end.waiting.length]).toEqual([0, 0, 0, 0]);
  });

  it("says the loop is blocked, by what and until when, during a blocking call", () => {
    const m = buildModel(exampleTrace("04-patterns-and-pitfalls/blocking-call"));
    const k = find(m, (e) => e.kind === "loop.block");
    const s = new LoopStateIndex(m).at(k);
    expect(s.blocked).toMatchObject({ label: "time.sleep(2)", until: 2.8 });
    // The ticker's timer (due at 1 s) is still pending: it cannot fire while the loop is blocked.
    expect(s.timers.some((t) => t.when === 1)).toBe(true);
  });

  it("gives the same answer whether it replays forward, steps back by undoing events, or starts afresh", () => {
    const m = buildModel(exampleTrace("04-patterns-and-pitfalls/semaphore"));
    const n = m.count;
    const moving = new LoopStateIndex(m);
    const orders = [n - 1, 3, n >> 1, 0, n - 2, 7, -1, n - 1, 5];
    // The state a plain replay from the start gives, lists in the same order: what the index must agree with, wherever it starts from.
    for (const k of orders) expect(moving.at(k)).toEqual(new LoopStateIndex(m).at(k));
  });

  it("counts a semaphore's waiters in the queue order the releases wake them", () => {
    const m = buildModel(exampleTrace("04-patterns-and-pitfalls/semaphore"));
    const index = new LoopStateIndex(m);
    const lastCreate = eventsOf(m).findLastIndex((e) => e.kind === "step.end" && e.wait?.kind === "semaphore");
    const s = index.at(lastCreate);
    const onSem = s.groups.find((g) => g.kind === "semaphore");
    expect(onSem?.count).toBe(7);
    expect(s.waiting.filter((w) => w.wait.kind === "semaphore")).toHaveLength(7);
  });

  it("lists only the earliest timers, and counts the rest, for a thousand sleepers", () => {
    const m = buildModel(
      traceOf(`import * as asyncio from "asyncio";
async function main() {
  await asyncio.gather(...Array.from({ length: 1000 }, (_, i) => asyncio.sleep(1000 - i)));
}
asyncio.run(main());
`),
    );
    const k = find(m, (e) => e.kind === "step.end" && e.task === 1 && e.wait !== null);
    // After main's first step every sleep has been scheduled only once its task ran: go to the last timer.set.
    const lastSet = eventsOf(m).findLastIndex((e) => e.kind === "timer.set");
    expect(k).toBeGreaterThanOrEqual(0);
    const s = new LoopStateIndex(m).at(lastSet);
    expect(s.timerCount).toBe(1000);
    expect(s.timers.map((t) => t.when)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
