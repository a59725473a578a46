/**
 * Instrumentation: how the trace (and tests) watch the scheduler.
 *
 * An `Instrument` implements any subset of the hooks below. `Hooks`
 * combines several instruments into one function per hook, or `undefined`
 * when nobody listens, so the scheduler's cost for an unwatched hook is a
 * single `undefined` check (trio's `_core/_instrumentation.py` does the
 * same). The trace recorder is one instrument among possibly several.
 */
import type { TimerHandle } from "./handles.ts";
import type { Future } from "./future.ts";
import type { EventLoop } from "./loop.ts";
import type { Task } from "./task.ts";

/** A simulated thread-pool job, as the trace sees it. */
export interface JobInfo {
  /** Trace id. */
  readonly id: number;
  /** The function called, e.g. "blocking_io()". */
  readonly label: string;
  /** Snippet line that submitted it. */
  readonly line: number;
  /** Worker slot (0-based) once started. */
  worker: number;
}

/** A simulated HTTP request, as the trace sees it. */
export interface HttpInfo {
  /** Trace id. */
  readonly id: number;
  /** "GET", "POST"... */
  readonly method: string;
  /** The URL as given. */
  readonly url: string;
  /** Its host, e.g. "httpbin.org". */
  readonly host: string;
  /** Snippet line that made it. */
  readonly line: number;
  /** True for `requests` (blocks the loop), false for `aiohttp`. */
  readonly blocking: boolean;
}

/**
 * A synchronization primitive, as the timeline's primitive lanes see it.
 * Passed by reference, so reporting a change allocates nothing; the label
 * is read only the first time the trace meets the primitive.
 */
export interface PrimitiveState {
  /** Trace id. */
  readonly _id: number;
  /** "semaphore" | "lock" | "event" | "condition" | "queue" | "barrier". */
  readonly _kind: string;
  /** e.g. "Semaphore(3)". */
  readonly _label: string;
  /** Free permits (Semaphore), 0/1 (Lock), item count (Queue), 0/1 set (Event). */
  readonly _value: number;
  /** Tasks blocked on it. */
  readonly _waiting: number;
}

/** Where printed text went. */
export type Stream = "stdout" | "stderr" | "warning";

/** The scheduler's hooks. Every one is optional. */
export interface Instrument {
  /** `asyncio.run()` created `loop` and is about to run the main task. */
  runStarted?(loop: EventLoop): void;
  /** `asyncio.run()` closed `loop`. */
  runEnded?(loop: EventLoop): void;
  /** A task was made (not the runner's own shutdown tasks); `parent` is the task that made it, if any; `eager`: it starts at once, inside this call (Python 3.12+'s eager start), never entering the ready queue. */
  taskCreated?(task: Task, parent: Task | null, eager: boolean): void;
  /** The task is about to run (Python's `before_task_step`). */
  stepBegan?(task: Task): void;
  /** The task's step ended; `waitingOn` is the future it now waits for, if any. */
  stepEnded?(task: Task, waitingOn: Future | null): void;
  /** The task was put on the ready queue; `cause` is the future whose completion woke it, if any. */
  taskScheduled?(task: Task, cause: Future | null): void;
  /** The task finished: with a result, an error, or cancelled. */
  taskDone?(task: Task): void;
  /** A timer was put in the loop's heap (`callLater`, a sleep, a timeout). */
  timerScheduled?(timer: TimerHandle): void;
  /** A timer came due: its callback is on the ready queue. */
  timerFired?(timer: TimerHandle): void;
  /** A timer was cancelled (its `_scheduled` says whether it was still in the heap). */
  timerCancelled?(timer: TimerHandle): void;
  /** The loop froze for `seconds` (time.sleep or requests in a coroutine), starting now. */
  loopBlocked?(seconds: number, label: string, line: number): void;
  /** An executor job was submitted (it waits for a free worker). */
  jobQueued?(job: JobInfo): void;
  /** An executor job started on a worker. */
  jobStarted?(job: JobInfo): void;
  /** An executor job ended; `ok` is false if its function raised. */
  jobFinished?(job: JobInfo, ok: boolean): void;
  /** A simulated HTTP request was sent. */
  httpStarted?(req: HttpInfo): void;
  /** A simulated HTTP request ended: "200 OK", "ConnectionError", "cancelled"... */
  httpFinished?(req: HttpInfo, outcome: string): void;
  /** A semaphore, lock, event, condition or queue changed its value or its waiters. */
  primitiveChanged?(state: PrimitiveState): void;
  /** Output was written at virtual time `time` (print, a warning, a loop message). */
  output?(text: string, stream: Stream, time: number): void;
}

/** The hook names, for building `Hooks`. */
const HOOK_NAMES = [
  "runStarted",
  "runEnded",
  "taskCreated",
  "stepBegan",
  "stepEnded",
  "taskScheduled",
  "taskDone",
  "timerScheduled",
  "timerFired",
  "timerCancelled",
  "loopBlocked",
  "jobQueued",
  "jobStarted",
  "jobFinished",
  "httpStarted",
  "httpFinished",
  "primitiveChanged",
  "output",
] as const satisfies readonly (keyof Instrument)[];

/** The name of one hook. */
export type HookName = (typeof HOOK_NAMES)[number];

/**
 * Per hook, the one object to call it on, or `undefined` when nobody
 * listens: the scheduler writes `const h = hooks.stepBegan; if (h !== undefined) h.stepBegan(task);`.
 *
 * Why the instrument and not a function: the call site then always calls
 * the same method of the same class (say `TraceRecorder.prototype.stepBegan`),
 * which the engine inlines. A bound function or closure per session would be
 * a new call target every run, and hot call sites would go megamorphic.
 * Every key is present, in one order, so all `Hooks` objects share a shape.
 */
export type Hooks = { readonly [K in HookName]: Required<Pick<Instrument, K>> | undefined };

/** Combines instruments: one listener per hook, a fan-out only where two or more listen. */
export function combineInstruments(instruments: readonly Instrument[]): Hooks {
  const hooks = {} as Record<HookName, Instrument | undefined>;
  for (const name of HOOK_NAMES) {
    const listeners = instruments.filter((ins) => typeof ins[name] === "function");
    hooks[name] = listeners.length === 0 ? undefined : listeners.length === 1 ? listeners[0] : fanOut(name, listeners);
  }
  return hooks as Hooks;
}

/** An instrument whose hook `name` calls that hook of every listener, in order. */
function fanOut(name: HookName, listeners: readonly Instrument[]): Instrument {
  return {
    [name](...args: unknown[]) {
      for (const ins of listeners) (ins[name] as (...a: unknown[]) => void).apply(ins, args);
    },
  };
}
