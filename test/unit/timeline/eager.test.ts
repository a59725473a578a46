import { describe, expect, it } from "vitest";
import { buildModel } from "../../../src/components/timeline/model.ts";
import { LoopStateIndex } from "../../../src/components/timeline/state-at.ts";
import { traceOf } from "./helpers.ts";

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
  const at = (pred: (e: (typeof m.events)[number]) => boolean) => new LoopStateIndex(m).at(m.events.findIndex(pred));

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
});
