/**
 * Call-graph introspection (Python 3.14's `asyncio/graph.py`): "who is
 * waiting on whom?". `captureCallGraph` returns a task's (or future's) call
 * stack and, recursively, what awaits it; `formatCallGraph` and
 * `printCallGraph` write it as CPython does, character for character:
 *
 *     * Task(name='worker', id=0x5)
 *       + Call stack:
 *       |   File 'asyncio/tasks.py', line 702, in async sleep()
 *       |   File 'snippet.ts', line 4, in async worker()
 *       + Awaited by:
 *           * Task(name='Task-1', id=0x1)
 *             + Call stack:
 *             |   File 'snippet.ts', line 9, in async main()
 *
 * Nothing here is recorded while the program runs: the graph is derived
 * when asked, from what the runtime keeps anyway (each task's coroutine
 * stack and the future it waits on; see `awaited-by.ts` for the links,
 * `graph-frames.ts` for the frames, `graph-data.ts` for the same as plain
 * data).
 *
 * How frames are named (the runtime has no Python frames, so it says what
 * CPython would):
 * - a coroutine of the snippet is `File 'snippet.ts', line N, in async Q()`,
 *   with N the snippet line it is paused at and Q its qualified name as the
 *   snippet pipeline gives it (`main`, `main.<locals>.worker`,
 *   `Crawler.fetch`): the snippet's own function names, as written;
 * - a coroutine of the runtime is shown as the CPython 3.14.2 function it
 *   stands for, at the line where that function waits, in a file named
 *   `asyncio/<module>.py` (CPython shows the full path of its installation):
 *   `asyncio.sleep` is `File 'asyncio/tasks.py', line 702, in async sleep()`,
 *   `async with lock` adds `Lock.acquire()` and
 *   `_ContextManagerMixin.__aenter__()`, leaving a `TaskGroup` block adds
 *   `TaskGroup._aexit()` and `TaskGroup.__aexit__()`. A runtime coroutine
 *   with no CPython counterpart here (aiohttp's) is `File '<runtime>', line 0`;
 * - `ids` are the trace's ids of tasks (the timeline's lanes); a plain future
 *   gets the next free id the first time a graph shows it.
 *
 * Known differences: only coroutine frames are shown (a plain function
 * between two awaits is not, except `print_call_graph()` itself, which
 * CPython shows too); a task that has not started shows the line its
 * coroutine was created at (CPython: the `async def` line); several tasks
 * awaiting one future are listed in creation order (CPython: a set's order);
 * a done task shows no stack (CPython fails to format one).
 */
import { sessionOf } from "../core/loop-access.ts";
import { RuntimeError } from "../core/errors.ts";
import { type Future, isFuture } from "../core/future.ts";
import type { EventLoop } from "../core/loop.ts";
import { pyReprSafe } from "../core/repr.ts";
import { currentSession } from "../core/session.ts";
import { Task } from "../core/task.ts";
import { pyRepr } from "../python/format.ts";
import { awaitersOf } from "./awaited-by.ts";
import { type CallGraphFrame, GRAPH, taskFrames } from "./graph-frames.ts";
import { runningLoopOrNull } from "./running.ts";

export type { CallGraphFrame } from "./graph-frames.ts";

/**
 * Python's `asyncio.FrameCallGraphEntry`: one entry of a call stack.
 * @example
 * const g = asyncio.captureCallGraph();
 * for (const entry of g!.callStack) print(entry.frame.qualname, entry.frame.lineno);
 */
export class FrameCallGraphEntry {
  /** The frame (Python's `frame`): its function, file and line. */
  readonly frame: CallGraphFrame;
  /** An entry for `frame` (made by `captureCallGraph`). */
  constructor(frame: CallGraphFrame) {
    this.frame = frame;
  }
}

/**
 * Python's `asyncio.FutureCallGraph`: a future or task, its call stack
 * (innermost frame first) and the graphs of what awaits it.
 * @example
 * const g = asyncio.captureCallGraph(task);
 * print(g!.awaitedBy.map((parent) => (parent.future as asyncio.Task).getName()));
 */
export class FutureCallGraph {
  /** The future or task (Python's `future`). */
  readonly future: Future<any>;
  /** Its call stack, innermost frame first (Python's `call_stack`); empty for a plain future. */
  readonly callStack: readonly FrameCallGraphEntry[];
  /** What awaits it, each with its own graph (Python's `awaited_by`). */
  readonly awaitedBy: readonly FutureCallGraph[];
  /** A graph node (made by `captureCallGraph`). */
  constructor(future: Future<any>, callStack: readonly FrameCallGraphEntry[], awaitedBy: readonly FutureCallGraph[]) {
    this.future = future;
    this.callStack = callStack;
    this.awaitedBy = awaitedBy;
  }
}

/** Options of `captureCallGraph`, `formatCallGraph`, `printCallGraph`. */
export interface CallGraphOptions {
  /**
   * For the current task only: how many frames to skip from the top of its
   * stack. Default: 1 (start at the caller).
   */
  depth?: number;
  /**
   * Keep at most `|limit|` entries of each call stack, sliced as CPython
   * slices them (its docs: "if limit is positive, the entries left are the
   * closest to the invocation point; if negative, the topmost entries are
   * left"); `0` captures no call stack at all, only who awaits whom.
   * Default: null (all).
   */
  limit?: number | null;
}

function entries(frames: readonly CallGraphFrame[]): FrameCallGraphEntry[] {
  return frames.map((f) => new FrameCallGraphEntry(f));
}

function buildGraph(fut: Future<any>, limit: number | null, seen: Set<Future<any>>): FutureCallGraph {
  // The current task, reached through who awaits whom, is seen where it runs now.
  const line = fut instanceof Task && fut === fut._loop._currentTask ? sessionOf(fut._loop).cursor.l : (fut as Task<any>)._line;
  let frames = fut instanceof Task && limit !== 0 ? taskFrames(fut, line) : [];
  if (limit !== null) {
    // CPython slices the outermost-first list, then reverses it.
    const outerFirst = frames.slice().reverse();
    const kept = limit > 0 ? outerFirst.slice(0, limit) : limit < 0 ? outerFirst.slice(limit) : outerFirst;
    frames = kept.reverse();
  }
  return new FutureCallGraph(fut, entries(frames), awaitedByGraphs(fut, limit, seen));
}

function awaitedByGraphs(fut: Future<any>, limit: number | null, seen: Set<Future<any>>): FutureCallGraph[] {
  // CPython recurses without a guard (a cycle is a deadlock it would overflow on); here a cycle stops where it closes.
  seen.add(fut);
  const graphs = awaitersOf(fut)
    .filter((w) => !seen.has(w))
    .map((w) => buildGraph(w, limit, seen));
  seen.delete(fut);
  return graphs;
}

function checkFuture(future: unknown): asserts future is Future<any> {
  if (!isFuture(future)) throw new TypeError(`${pyReprSafe(future)} object does not appear to be compatible with asyncio.Future`);
}

/** The plain-function frames CPython has on the stack above the caller, for `depth`. */
const API_FRAMES: Readonly<Record<"capture" | "format" | "print", CallGraphFrame>> = {
  capture: { qualname: "capture_call_graph", filename: GRAPH, lineno: 154, isAsync: false },
  format: { qualname: "format_call_graph", filename: GRAPH, lineno: 254, isAsync: false },
  print: { qualname: "print_call_graph", filename: GRAPH, lineno: 276, isAsync: false },
};

function capture(future: unknown, options: CallGraphOptions, via: readonly CallGraphFrame[]): FutureCallGraph | null {
  const depth = options.depth ?? 1;
  const limit = options.limit ?? null;
  const loop = runningLoopOrNull();
  if (future !== undefined && future !== null) {
    if (loop === null || future !== loop._currentTask) {
      checkFuture(future);
      return buildGraph(future, limit, new Set());
    }
  } else if (loop === null) {
    throw new RuntimeError("capture_call_graph() is called outside of a running event loop and no *future* to introspect was provided");
  }
  const task = (loop as EventLoop)._currentTask;
  if (task === null) return null;
  // The current task: its stack as CPython walks it from sys._getframe(depth), innermost first.
  let frames: CallGraphFrame[] = [];
  if (limit !== 0) frames = [API_FRAMES.capture, ...via, ...taskFrames(task, currentSession().cursor.l)].slice(depth);
  if (limit !== null && limit !== 0) frames = -limit > 0 ? frames.slice(0, -limit) : frames.slice(-limit);
  return new FutureCallGraph(task, entries(frames), awaitedByGraphs(task, limit, new Set()));
}

/**
 * Python's `asyncio.capture_call_graph(future=None, *, depth=1, limit=None)`
 * (3.14): the call graph of `future` (a task or future), or of the current
 * task if none is given — its call stack and, recursively, what awaits it:
 * the task awaiting it, the caller of the `gather` it is part of, the parent
 * of its `TaskGroup`. Returns `null` (`None`) outside a task; `RuntimeError`
 * outside a running loop with no future; `TypeError` if `future` is not one.
 * @example
 * const g = asyncio.captureCallGraph(task);
 * for (const parent of g!.awaitedBy) print((parent.future as asyncio.Task).getName());
 */
export function captureCallGraph(future: Future<any> | null = null, options: CallGraphOptions = {}): FutureCallGraph | null {
  return capture(future, options, []);
}

function render(g: FutureCallGraph, buf: string[], level: number): void {
  const add = (line: string) => buf.push("    ".repeat(level) + line);
  if (g.future instanceof Task) add(`* Task(name=${pyRepr(g.future.getName())}, id=${idHex(g.future)})`);
  else add(`* Future(id=${idHex(g.future)})`);
  if (g.callStack.length > 0) {
    add("  + Call stack:");
    for (const { frame: f } of g.callStack) add(`  |   File ${pyRepr(f.filename)}, line ${f.lineno}, in ${f.isAsync ? "async " : ""}${f.qualname}()`);
  }
  if (g.awaitedBy.length > 0) {
    add("  + Awaited by:");
    for (const parent of g.awaitedBy) render(parent, buf, level + 1);
  }
}

function formatWith(future: unknown, options: CallGraphOptions, via: readonly CallGraphFrame[]): string {
  const depth = options.depth ?? 1;
  const graph = capture(future, { depth: depth + 1, limit: options.limit ?? null }, via);
  if (graph === null) return "";
  const buf: string[] = [];
  render(graph, buf, 0);
  return buf.join("\n");
}

/**
 * Python's `asyncio.format_call_graph(future=None, *, depth=1, limit=None)`
 * (3.14): the call graph as text, exactly as CPython writes it (see
 * `printCallGraph`); `""` outside a task.
 * @example
 * print(asyncio.formatCallGraph(task));
 */
export function formatCallGraph(future: Future<any> | null = null, options: CallGraphOptions = {}): string {
  return formatWith(future, options, [API_FRAMES.format]);
}

/**
 * Python's `asyncio.print_call_graph(future=None, *, depth=1, limit=None)`
 * (3.14): prints the call graph of `future`, or of the current task:
 *
 *     * Task(name='worker', id=0x5)
 *       + Call stack:
 *       |   File 'asyncio/tasks.py', line 702, in async sleep()
 *       |   File 'snippet.ts', line 4, in async worker()
 *       + Awaited by:
 *           * Task(name='Task-1', id=0x1)
 *             + Call stack:
 *             |   File 'snippet.ts', line 9, in async main()
 *
 * (Printed for the current task, the stack starts with
 * `print_call_graph()` itself, as in CPython.) With `{ file }`, the text
 * goes to `file.write(text)` instead, as Python's `file=`.
 * @example
 * async function worker() {
 *   asyncio.printCallGraph();  // who is waiting on this worker?
 *   await asyncio.sleep(1);
 * }
 */
export function printCallGraph(future: Future<any> | null = null, options: PrintCallGraphOptions = {}): void {
  const text = `${formatWith(future, options, [API_FRAMES.format, API_FRAMES.print])}\n`;
  if (options.file !== undefined && options.file !== null) options.file.write(text);
  else currentSession().write(text);
}

/** Options of `printCallGraph`. */
export interface PrintCallGraphOptions extends CallGraphOptions {
  /** Python's `file=`: an object whose `write(text)` receives the text instead of standard output. Default: null. */
  file?: { write(text: string): unknown } | null;
}

const futureIds = new WeakMap<Future<any>, number>();

/** @internal The id a graph shows: a task's trace id; a plain future gets a fresh id from the same counter. */
export function graphId(f: Future<any>): number {
  if (f instanceof Task) return f._id;
  let id = futureIds.get(f);
  if (id === undefined) futureIds.set(f, (id = sessionOf(f._loop).nextId()));
  return id;
}

function idHex(f: Future<any>): string {
  return `0x${graphId(f).toString(16)}`;
}
