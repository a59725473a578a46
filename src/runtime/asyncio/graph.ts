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
 * stack and the future it waits on; see `awaited-by.ts` for the links).
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
 * coroutine was created at (CPython: the `async def` line); a task paused in
 * `sleep(0)` shows no `sleep()` frame; several tasks awaiting one future are
 * listed in creation order (CPython: a set's order).
 */
import { Coroutine, CoroState, SnippetCoroutine } from "../core/coroutine.ts";
import { RuntimeError } from "../core/errors.ts";
import { Future, isFuture } from "../core/future.ts";
import type { WaitLabel } from "../core/future.ts";
import type { EventLoop } from "../core/loop.ts";
import { pyReprSafe } from "../core/repr.ts";
import { currentSession } from "../core/session.ts";
import { Task } from "../core/task.ts";
import { pyRepr } from "../python/format.ts";
import { manualWaiters, waiterOfCallback } from "./awaited-by.ts";
import { runningLoopOrNull } from "./running.ts";

/** The name snippet frames carry: the sandbox's name for the snippet (`SNIPPET_FILE` in `src/sandbox/evaluate.ts`). */
export const SNIPPET_FILENAME = "snippet.ts";

/** One frame of a call stack: the part of Python's frame object that the call graph prints. Plain data. */
export interface CallGraphFrame {
  /** Python's `f_code.co_qualname`: `main`, `main.<locals>.worker`, `sleep`, `TaskGroup._aexit`. */
  readonly qualname: string;
  /** `snippet.ts`, `asyncio/tasks.py`..., or `<runtime>`. */
  readonly filename: string;
  /** Line the frame is at (a snippet line for snippet frames; 0 if unknown). */
  readonly lineno: number;
  /** True for a coroutine frame (`in async f()`), false for a plain function (`in f()`). */
  readonly isAsync: boolean;
}

/**
 * Python's `asyncio.FrameCallGraphEntry`: one entry of a call stack.
 * @example
 * const g = asyncio.captureCallGraph();
 * for (const entry of g!.callStack) print(entry.frame.qualname, entry.frame.lineno);
 */
export class FrameCallGraphEntry {
  /** The frame (Python's `frame`): its function, file and line. */
  readonly frame: CallGraphFrame;
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

// ---- frames --------------------------------------------------------------

type FrameSpec = readonly [qualname: string, filename: string, lineno: number];

const TASKS = "asyncio/tasks.py";
const LOCKS = "asyncio/locks.py";
const QUEUES = "asyncio/queues.py";
const GRAPH = "asyncio/graph.py";

/**
 * The CPython 3.14.2 frames a runtime coroutine stands for, innermost
 * first, at the line where each waits (from CPython's sources). Keyed by
 * the runtime coroutine's qualname. `async with` wrappers show no frame:
 * Python's `async with` calls `__aenter__` directly.
 */
const RUNTIME_FRAMES: Readonly<Record<string, readonly FrameSpec[]>> = {
  sleep: [["sleep", TASKS, 702]],
  wait_for: [["wait_for", TASKS, 488]],
  wait: [["_wait", TASKS, 521], ["wait", TASKS, 432]],
  to_thread: [["to_thread", "asyncio/threads.py", 25]],
  "TaskGroup.__aexit__": [["TaskGroup._aexit", "asyncio/taskgroups.py", 121], ["TaskGroup.__aexit__", "asyncio/taskgroups.py", 72]],
  "Lock.acquire": [["Lock.acquire", LOCKS, 110]],
  "Semaphore.acquire": [["Semaphore.acquire", LOCKS, 407]],
  "Event.wait": [["Event.wait", LOCKS, 213]],
  "Condition.wait": [["Condition.wait", LOCKS, 272]],
  "Condition.wait_for": [["Condition.wait_for", LOCKS, 313]],
  "Barrier.wait": [["Barrier.wait", LOCKS, 527]],
  "Barrier.__aenter__": [["Barrier.__aenter__", LOCKS, 506]],
  "Barrier._block": [["Barrier._block", LOCKS, 540]],
  "Barrier._wait": [["Barrier._wait", LOCKS, 564]],
  "Queue.get": [["Queue.get", QUEUES, 186]],
  "Queue.put": [["Queue.put", QUEUES, 139]],
  "Queue.join": [["Queue.join", QUEUES, 248]],
  "_AsCompletedIterator._wait_for_one": [["_AsCompletedIterator._wait_for_one", TASKS, 614]],
  "_AsCompletedIterator.__anext__": [["_AsCompletedIterator.__anext__", TASKS, 587]],
  "async with": [],
};

/** `async with prim` (the acquire coroutine of a lock, semaphore or condition): CPython's `__aenter__` awaits `acquire()`. */
const ACQUIRE_FRAMES: Readonly<Record<string, readonly FrameSpec[]>> = {
  lock: [["Lock.acquire", LOCKS, 110], ["_ContextManagerMixin.__aenter__", LOCKS, 14]],
  condition: [["Lock.acquire", LOCKS, 110], ["_ContextManagerMixin.__aenter__", LOCKS, 14]],
  semaphore: [["Semaphore.acquire", LOCKS, 407], ["_ContextManagerMixin.__aenter__", LOCKS, 14]],
};

/** The frames one coroutine of a task's stack shows, innermost first; `line` is where it is paused. */
function framesOf(coro: Coroutine, line: number): CallGraphFrame[] {
  if (coro instanceof SnippetCoroutine) return [{ qualname: coro.qualname, filename: SNIPPET_FILENAME, lineno: line, isAsync: true }];
  let specs = RUNTIME_FRAMES[coro.qualname];
  if (coro.qualname === "__aenter__") specs = ACQUIRE_FRAMES[(coro as unknown as { prim?: { _kind?: string } }).prim?._kind ?? ""];
  if (specs === undefined) return [{ qualname: coro.qualname, filename: "<runtime>", lineno: 0, isAsync: true }];
  return specs.map(([qualname, filename, lineno]) => ({ qualname, filename, lineno, isAsync: true }));
}

/** A task's coroutine frames, innermost first; `innermostLine` is where its innermost coroutine is. */
function taskFrames(task: Task<any>, innermostLine: number): CallGraphFrame[] {
  const root = task.getCoro();
  if (root === null || task.done()) return [];
  if (root.state === CoroState.Created) return framesOf(root, root.line);
  const chain: Coroutine[] = [root, ...(task._stack ?? [])];
  const frames: CallGraphFrame[] = [];
  for (let i = chain.length - 1; i >= 0; i--) {
    frames.push(...framesOf(chain[i], i === chain.length - 1 ? innermostLine : chain[i].pausedLine));
  }
  return frames;
}

function entries(frames: readonly CallGraphFrame[]): FrameCallGraphEntry[] {
  return frames.map((f) => new FrameCallGraphEntry(f));
}

// ---- who awaits whom ------------------------------------------------------

/**
 * @internal Python's `future._asyncio_awaited_by`, derived: tasks blocked
 * on `fut`, the callers of a `gather`/`wait`/`shield` it is part of, the
 * parent of a `TaskGroup` it belongs to, and links added by hand.
 */
export function awaitersOf(fut: Future<any>): Future<any>[] {
  const out = new Set<Future<any>>();
  if (!fut.done()) {
    for (const cb of fut._callbacks ?? []) {
      if (cb instanceof Task) {
        if (cb._futWaiter === fut) out.add(cb);
      } else {
        const w = waiterOfCallback(cb);
        if (w !== null) out.add(w);
      }
    }
  } else {
    // Done: its waiters were handed to the loop; until they run, they still wait on it (their `_futWaiter`).
    for (const t of fut._loop._tasks) if (t._futWaiter === fut) out.add(t);
  }
  for (const w of manualWaiters(fut)) out.add(w);
  return [...out];
}

function buildGraph(fut: Future<any>, limit: number | null, seen: Set<Future<any>>): FutureCallGraph {
  // The current task, reached through who awaits whom, is seen where it runs now.
  const line = fut instanceof Task && fut === fut._loop._currentTask ? fut._loop._session.cursor.l : (fut as Task<any>)._line;
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

// ---- ids and plain data ---------------------------------------------------

const futureIds = new WeakMap<Future<any>, number>();

/** @internal The id a graph shows: a task's trace id; a plain future gets a fresh id from the same counter. */
export function graphId(f: Future<any>): number {
  if (f instanceof Task) return f._id;
  let id = futureIds.get(f);
  if (id === undefined) futureIds.set(f, (id = f._loop._session.nextId()));
  return id;
}

function idHex(f: Future<any>): string {
  return `0x${graphId(f).toString(16)}`;
}

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
    callStack: taskFrames(t, t === current ? loop._session.cursor.l : t._line),
    waitsOn: t._futWaiter === null || t === current ? null : t._futWaiter._waitLabel(),
    awaitedBy: awaitersOf(t).filter((w) => w instanceof Task).map((w) => (w as Task)._id),
  }));
}
