/**
 * The call graph as plain, JSON-able data, for tools and the page (not
 * Python functions): `callGraphData` turns a `FutureCallGraph` into data;
 * `awaitGraph` lists every unfinished task of a loop with its edges, the
 * data of `python -m asyncio pstree`.
 */
import { sessionOf } from "../core/loop-access.ts";
import type { WaitLabel } from "../core/wait-label.ts";
import type { EventLoop } from "../core/loop.ts";
import { Task } from "../core/task.ts";
import { awaitersOf } from "./awaited-by.ts";
import { type FutureCallGraph, graphId } from "./graph.ts";
import { type CallGraphFrame, taskFrames } from "./graph-frames.ts";

/** A call graph as plain, JSON-able data (no runtime objects), for tools and the page. */
export interface CallGraphData {
  /** "task", or "future" for any other awaitable (a gather, a primitive's waiter...). */
  readonly kind: "task" | "future";
  /** The trace id of a task (its lane); for a future, the id `formatCallGraph` shows. */
  readonly id: number;
  /** The task's name; for a future, what waiting on it means ("gather (2 awaitables)"). */
  readonly name: string;
  /** Innermost frame first. */
  readonly callStack: readonly CallGraphFrame[];
  /** What awaits it, each with its own graph. */
  readonly awaitedBy: readonly CallGraphData[];
}

/**
 * A `FutureCallGraph` as plain data, e.g. to send from the worker to the
 * page. Not a Python function.
 * @example
 * const data = callGraphData(asyncio.captureCallGraph(task)!);
 * postMessage(JSON.stringify(data));
 */
export function callGraphData(g: FutureCallGraph): CallGraphData {
  const task = g.future instanceof Task ? g.future : null;
  return {
    kind: task ? "task" : "future",
    id: graphId(g.future),
    name: task ? task.getName() : g.future._waitLabel().text,
    callStack: g.callStack.map((e) => e.frame),
    awaitedBy: g.awaitedBy.map(callGraphData),
  };
}

/** One task of `awaitGraph`: a node of "who awaits whom", with its edges by id. */
export interface AwaitGraphTask {
  /** Trace id (the task's lane on the timeline). */
  readonly id: number;
  /** The task's name, e.g. "Task-2". */
  readonly name: string;
  /** The coroutine's qualified name. */
  readonly coro: string;
  /** Innermost frame first (as `captureCallGraph` gives it). */
  readonly callStack: readonly CallGraphFrame[];
  /** What it is blocked on (the timeline's wait label, whose `target` is a task or primitive id), or null if ready or running. */
  readonly waitsOn: WaitLabel | null;
  /** Ids of the tasks that await it: directly, through a gather or `wait` they called, or as its TaskGroup's parent. */
  readonly awaitedBy: readonly number[];
}

/**
 * Every unfinished task of `loop` as a node of the await graph — the data
 * of `python -m asyncio pstree`: a task's parents are the tasks in its
 * `awaitedBy`; a task awaited by nobody is a root. Edges may form a cycle
 * (tasks awaiting each other: a deadlock). Plain data; not a Python
 * function. Call it from an instrument hook to snapshot a moment.
 * @example
 * const roots = awaitGraph(loop).filter((t) => t.awaitedBy.length === 0);
 */
export function awaitGraph(loop: EventLoop): AwaitGraphTask[] {
  const current = loop._currentTask;
  return [...loop._tasks].map((t) => ({
    id: t._id,
    name: t.getName(),
    coro: t._coro?.qualname ?? "",
    callStack: taskFrames(t, t === current ? sessionOf(loop).cursor.l : t._line),
    waitsOn: t._futWaiter === null || t === current ? null : t._futWaiter._waitLabel(),
    awaitedBy: awaitersOf(t).filter((w) => w instanceof Task).map((w) => (w as Task)._id),
  }));
}
