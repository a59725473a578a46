import { describe, expect, it } from "vitest";
import { buildModel, type TimelineModel } from "../../../src/components/timeline/model/model.ts";
import { type AwaitNode, awaitGraph } from "../../../src/components/timeline/state/await-graph.ts";
import { LoopStateIndex } from "../../../src/components/timeline/state/loop-state.ts";
import type { TraceEvent } from "../../../src/runtime/trace-api.ts";
import { DEADLOCK } from "../../fixtures/deadlock.ts";
import { eventsOf, traceOf } from "./helpers.ts";

/** A tree as lines, indented by depth: "Task-1 main()", "  awaits gather (2 awaitables)". */
function lines(m: TimelineModel, nodes: readonly AwaitNode[], depth = 0): string[] {
  const out: string[] = [];
  for (const n of nodes) {
    const head = n.kind === "task" ? `${n.label} ${n.detail}`.trim() + (n.cycle ? " ↻" : "") : `awaits ${n.label}`;
    out.push(`${"  ".repeat(depth)}${head}${n.more ? ` (+${n.more})` : ""}`);
    out.push(...lines(m, n.children, depth + 1));
  }
  return out;
}

function graphAt(m: TimelineModel, pred: (e: TraceEvent) => boolean, limits?: Parameters<typeof awaitGraph>[2]) {
  const order = eventsOf(m).findLastIndex(pred);
  if (order < 0) throw new Error("no such event");
  const state = new LoopStateIndex(m);
  state.moveTo(order);
  return awaitGraph(m, state, limits);
}

const TASKGROUP = `import * as asyncio from "asyncio";
async function leaf(s: number) { await asyncio.sleep(s); }
async function branch() {
  await asyncio.gather(leaf(1), leaf(2));
}
async function main() {
  await using tg = new asyncio.TaskGroup();
  tg.createTask(branch(), { name: "branch" });
  tg.createTask(leaf(3), { name: "alone" });
}
asyncio.run(main());
`;

describe("who awaits whom at the playhead", () => {
  const m = buildModel(traceOf(TASKGROUP));

  // Named tasks take no number from the "Task-N" counter, as in CPython: the gather's tasks are Task-2 and Task-3.
  it("puts main at the root, its TaskGroup under it, and under that each task with what it waits on, through a nested gather", () => {
    // Once every task is waiting: the last step.end before the first timer fires.
    const g = graphAt(m, (e) => e.kind === "step.end" && e.t === 0);
    expect(lines(m, g.roots)).toEqual([
      "Task-1 main()",
      "  awaits TaskGroup (2 tasks)",
      "    branch branch()",
      "      awaits gather (2 awaitables)",
      "        Task-2 leaf()",
      "          awaits sleep 1 s",
      "        Task-3 leaf()",
      "          awaits sleep 2 s",
      "    alone leaf()",
      "      awaits sleep 3 s",
    ]);
    expect(g.cycles).toEqual([]);
    expect(g.live).toBe(5);
  });

  it("drops the tasks that are done: after 2 s only the task sleeping 3 s is left under the group", () => {
    const g = graphAt(m, (e) => e.kind === "task.done" && e.t === 2);
    expect(lines(m, g.roots)).toEqual(["Task-1 main()", "  awaits TaskGroup (2 tasks)", "    alone leaf()", "      awaits sleep 3 s"]);
  });

  it("keeps to its limits and says how many it left out", () => {
    const g = graphAt(m, (e) => e.kind === "step.end" && e.t === 0, { roots: 8, children: 1, nodes: 160, cycles: 8 });
    const group = g.roots[0].children[0];
    expect(group.children.map((n) => n.label)).toEqual(["branch"]);
    expect(group.more).toBe(1);
  });

  it("finds two tasks awaiting each other as a cycle, and marks where the branch comes back", () => {
    const d = buildModel(traceOf(DEADLOCK));
    const g = graphAt(d, () => true);
    const names = g.cycles.map((c) => c.map((id) => d.taskName(id)));
    expect(names).toEqual([["first", "second"]]);
    expect(lines(d, g.roots)).toEqual([
      "Task-1 main()",
      "  awaits gather (2 awaitables)",
      "    first first()",
      "      awaits Task second",
      "        second secondJob()",
      "          awaits Task first",
      "            first first() ↻",
      "    second secondJob()",
      "      awaits Task first",
      "        first first()",
      "          awaits Task second",
      "            second secondJob() ↻",
    ]);
  });

  it("has no graph before the first task exists", () => {
    const state = new LoopStateIndex(m);
    state.moveTo(-1);
    expect(awaitGraph(m, state)).toEqual({ roots: [], moreRoots: 0, cycles: [], live: 0 });
  });
});
