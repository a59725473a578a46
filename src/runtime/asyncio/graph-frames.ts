/**
 * The frames a call graph shows (see `graph.ts`): how a task's coroutine
 * stack becomes Python frames. A snippet coroutine is itself, at its
 * snippet line; a runtime coroutine is the CPython 3.14.2 function(s) it
 * stands for, at the line where each waits, so the text matches CPython's.
 */
import { type Coroutine, CoroState, SleepZero, SnippetCoroutine } from "../core/coroutine.ts";
import type { Task } from "../core/task.ts";

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

type FrameSpec = readonly [qualname: string, filename: string, lineno: number];

const TASKS = "asyncio/tasks.py";
const LOCKS = "asyncio/locks.py";
const QUEUES = "asyncio/queues.py";
/** @internal */
export const GRAPH = "asyncio/graph.py";

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
  if (coro instanceof SleepZero) return [SLEEP0_FRAME];
  let specs = RUNTIME_FRAMES[coro.qualname];
  if (coro.qualname === "__aenter__") specs = ACQUIRE_FRAMES[(coro as unknown as { prim?: { _kind?: string } }).prim?._kind ?? ""];
  if (specs === undefined) return [{ qualname: coro.qualname, filename: "<runtime>", lineno: 0, isAsync: true }];
  return specs.map(([qualname, filename, lineno]) => ({ qualname, filename, lineno, isAsync: true }));
}

/** `asyncio.sleep(0)` waits at another line of `sleep` (`await __sleep0()`). */
const SLEEP0_FRAME: CallGraphFrame = { qualname: "sleep", filename: TASKS, lineno: 690, isAsync: true };

/** @internal A task's coroutine frames, innermost first; `innermostLine` is where its innermost coroutine is. */
export function taskFrames(task: Task<any>, innermostLine: number): CallGraphFrame[] {
  const root = task.getCoro();
  if (root === null || task.done()) return [];
  if (root.state === CoroState.Created) return framesOf(root, root.line);
  const chain: Coroutine[] = [root, ...task._inlineAwaits()];
  // sleep(0) is taken without putting its coroutine on the stack (task.ts); CPython shows it.
  const frames: CallGraphFrame[] = task._inSleep0 ? [SLEEP0_FRAME] : [];
  for (let i = chain.length - 1; i >= 0; i--) {
    frames.push(...framesOf(chain[i], i === chain.length - 1 ? innermostLine : chain[i].pausedLine));
  }
  return frames;
}
