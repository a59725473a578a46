/**
 * Who awaits whom at the playhead, as `python -m asyncio pstree` shows it
 * for a live program: each task that nobody awaits is a root; under a task,
 * what it waits on (a gather, a TaskGroup, a task, a future, a sleep, a
 * lock...), and under that, the tasks it waits for, each with what *it*
 * waits on, and so on. A task found again on its own branch closes a cycle:
 * tasks that wait on each other can never finish (a deadlock).
 *
 * Built from the trace alone (never from the runtime): the state at the
 * playhead (loop-state.ts) says what each live task waits on, as the
 * `step.end` it waits since; that event's wait record names the task
 * waited on (`target`), or for a gather, a TaskGroup or `asyncio.wait` the
 * tasks it waits for (`targets`, recorded by the runtime from the same
 * structures its own `awaitGraph` reads).
 */
import { LIST_WAITS } from "../../../runtime/trace-api.ts";
import type { TimelineModel } from "../model/model.ts";
import type { LoopStateIndex } from "./loop-state.ts";

export interface AwaitNode {
  /** A task (its lane), or what a task waits on. */
  readonly kind: "task" | "wait";
  /** The task's id (0 for a wait). */
  readonly id: number;
  /** The task's name, or what is waited on ("gather (3 awaitables)", "sleep 1 s"). */
  readonly label: string;
  /** The task's coroutine and state ("main() · running"); a wait's kind. */
  readonly detail: string;
  readonly children: readonly AwaitNode[];
  /** Children not listed (past the limits). */
  readonly more: number;
  /** This task is already on the branch above: awaiting it closes a cycle. */
  readonly cycle: boolean;
}

export interface AwaitGraph {
  /** Tasks nobody awaits (and one task of each cycle nobody else awaits), each with what it waits on below. */
  readonly roots: readonly AwaitNode[];
  readonly moreRoots: number;
  /** Each cycle of tasks waiting on each other, as task ids in awaiting order (the first awaits the second...). */
  readonly cycles: readonly (readonly number[])[];
  /** Tasks alive at the playhead. */
  readonly live: number;
}

export interface AwaitLimits {
  readonly roots: number;
  readonly children: number;
  readonly nodes: number;
  readonly cycles: number;
}

const LIMITS: AwaitLimits = { roots: 8, children: 6, nodes: 160, cycles: 8 };

/** The tasks the live task in `slot` waits for, at the state's order (none if it waits on no task). */
function awaited(model: TimelineModel, state: LoopStateIndex, slot: number): number[] {
  const w = state.wait[slot];
  if (w < 0) return [];
  const trace = model.trace;
  const kind = trace.waitKind(w) ?? "";
  const live = (id: number) => {
    const s = model.slotOf(id);
    return s >= 0 && state.status[s] === 1;
  };
  if (!LIST_WAITS.has(kind)) {
    const id = trace.columns.b[w];
    return live(id) ? [id] : [];
  }
  // A gather of 20,000 tasks lists 20,000, an id perhaps twice: a set keeps the dedupe linear (an array's includes made it quadratic).
  const out: number[] = [];
  const seen = new Set<number>();
  for (const id of trace.targets(w)) {
    if (live(id) && !seen.has(id)) {
      seen.add(id);
      out.push(id);
    }
  }
  return out;
}

/** Who awaits whom at the order `state` is at (see the module comment). */
export function awaitGraph(model: TimelineModel, state: LoopStateIndex, limits: AwaitLimits = LIMITS): AwaitGraph {
  const trace = model.trace;
  const slots = model.slotIds.length;
  const edges: number[][] = new Array(slots);
  const awaitedBy = new Uint8Array(slots);
  let live = 0;
  for (let s = 0; s < slots; s++) {
    if (state.status[s] !== 1) continue;
    live++;
    edges[s] = awaited(model, state, s);
    for (const id of edges[s]) awaitedBy[model.slotOf(id)] = 1;
  }

  // Cycles, and every live task reachable from a root (a depth-first walk; grey: on the current path).
  const colour = new Uint8Array(slots);
  const cycles: number[][] = [];
  const seen = new Set<string>();
  const walk = (root: number) => {
    const path: number[] = [];
    const stack: [number, number][] = [[root, 0]];
    colour[root] = 1;
    path.push(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const [s, i] = top;
      const out = edges[s] ?? [];
      if (i === out.length) {
        colour[s] = 2;
        path.pop();
        stack.pop();
        continue;
      }
      top[1] = i + 1;
      const t = model.slotOf(out[i]);
      if (colour[t] === 1) {
        const cycle = path.slice(path.indexOf(t)).map((x) => model.slotIds[x]);
        const min = cycle.indexOf(Math.min(...cycle));
        const canonical = [...cycle.slice(min), ...cycle.slice(0, min)];
        const key = canonical.join(",");
        if (!seen.has(key) && cycles.length < limits.cycles) {
          seen.add(key);
          cycles.push(canonical);
        }
      } else if (colour[t] === 0) {
        colour[t] = 1;
        path.push(t);
        stack.push([t, 0]);
      }
    }
  };
  const rootSlots: number[] = [];
  for (let s = 0; s < slots; s++) {
    if (state.status[s] === 1 && awaitedBy[s] === 0) {
      rootSlots.push(s);
      walk(s);
    }
  }
  // Tasks in a cycle that no other task awaits: one of each, as a root.
  for (let s = 0; s < slots; s++) {
    if (state.status[s] === 1 && colour[s] === 0) {
      rootSlots.push(s);
      walk(s);
    }
  }

  // The tree, within the limits.
  let nodes = 0;
  const running = state.runningTask;
  const taskNode = (slot: number, path: Set<number>): AwaitNode => {
    nodes++;
    const id = model.slotIds[slot];
    const info = model.taskLanes.get(id)?.info;
    const coro = info ? `${info.coro}()` : "";
    if (path.has(id)) return { kind: "task", id, label: model.taskName(id), detail: coro, children: [], more: 0, cycle: true };
    const w = state.wait[slot];
    if (w < 0) {
      const how = id === running ? "running" : state.queue[slot] >= 0 ? "ready" : "not started";
      return { kind: "task", id, label: model.taskName(id), detail: coro ? `${coro} · ${how}` : how, children: [], more: 0, cycle: false };
    }
    path.add(id);
    const out = edges[slot] ?? [];
    const children: AwaitNode[] = [];
    let more = 0;
    for (const t of out) {
      if (children.length >= limits.children || nodes >= limits.nodes) {
        more++;
        continue;
      }
      children.push(taskNode(model.slotOf(t), path));
    }
    path.delete(id);
    nodes++;
    const wait: AwaitNode = { kind: "wait", id: 0, label: trace.text(w), detail: trace.waitKind(w) ?? "", children, more, cycle: false };
    return { kind: "task", id, label: model.taskName(id), detail: coro, children: [wait], more: 0, cycle: false };
  };
  const roots: AwaitNode[] = [];
  let moreRoots = 0;
  for (const s of rootSlots) {
    if (roots.length >= limits.roots || nodes >= limits.nodes) moreRoots++;
    else roots.push(taskNode(s, new Set()));
  }
  return { roots, moreRoots, cycles, live };
}
