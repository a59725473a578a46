import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../../../src/runtime/trace-api.ts";
import { buildModel } from "../../../src/components/timeline/model/model.ts";
import { LoopStateIndex } from "../../../src/components/timeline/state/loop-state.ts";
import { describe as say } from "../../../src/components/timeline/describe.ts";
import { eventsOf, traceOf } from "./helpers.ts";

const SOURCE = `import * as asyncio from "asyncio";
async function worker() {
  print("worker starts");
  await asyncio.sleep(1);
}
async function main() {
  const t = asyncio.createTask(worker(), { eagerStart: true });
  print("main goes on");
  await t;
}
asyncio.run(main());
`;

describe("an eager task on the timeline", () => {
  const m = buildModel(traceOf(SOURCE));
  const at = (pred: (e: TraceEvent) => boolean) => new LoopStateIndex(m).at(eventsOf(m).findIndex(pred));

  it("runs its first step while its creator waits on 'eager start of Task-2'", () => {
    const s = at((e) => e.kind === "print" && e.text === "worker starts\n");
    expect(m.taskName(s.running)).toBe("Task-2");
    expect(s.waiting.map((w) => [m.taskName(w.task), w.wait.kind, w.wait.text])).toEqual([["Task-1", "eager", "eager start of Task-2"]]);
  });

  it("gives control back to its creator at once, with nothing left on the ready queue", () => {
    const s = at((e) => e.kind === "print" && e.text === "main goes on\n");
    expect(m.taskName(s.running)).toBe("Task-1");
    expect(s.ready).toEqual([]);
    expect(s.waiting.map((w) => [m.taskName(w.task), w.wait.text])).toEqual([["Task-2", "sleep 1 s"]]);
  });

  it("never puts it on the ready queue: at its creation it is said to start at once, and the queue stays empty", () => {
    const k = eventsOf(m).findIndex((e) => e.kind === "task.create" && e.task === 2);
    const s = new LoopStateIndex(m).at(k);
    expect(s.readyCount).toBe(0);
    expect(m.taskName(s.running)).toBe("Task-1");
    expect(say(m, k).detail).toContain("never enters the ready queue");
    expect(say(m, k).detail).not.toContain("joins the ready queue");
  });

  it("shows it running inside its creator's call from the hand-over on, never 'nothing running'", () => {
    const k = eventsOf(m).findIndex((e) => e.kind === "step.end" && e.wait?.kind === "eager");
    const s = new LoopStateIndex(m).at(k);
    expect([m.taskName(s.running), m.taskName(s.inside)]).toEqual(["Task-2", "Task-1"]);
    expect(say(m, k).what).toBe("hands over");
    // When its first step is over, the creator runs again without a trip through the ready queue.
    const wake = eventsOf(m).findIndex((e) => e.kind === "task.wake" && e.task === 1);
    const back = new LoopStateIndex(m).at(wake);
    expect([m.taskName(back.running), back.readyCount]).toEqual(["Task-1", 0]);
    expect(say(m, wake).what).toBe("goes on");
  });
});
