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
  readonly id: number;
  readonly label: string;
  readonly line: number;
  /** Worker slot (0-based) once started. */
  worker: number;
}

/** A simulated HTTP request, as the trace sees it. */
export interface HttpInfo {
  readonly id: number;
  readonly method: string;
  readonly url: string;
  readonly host: string;
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
  taskCreated?(task: Task, parent: Task | null): void;
  /** The task is about to run (Python's `before_task_step`). */
  stepBegan?(task: Task): void;
  /** The task's step ended; `waitingOn` is the future it now waits for, if any. */
  stepEnded?(task: Task, waitingOn: Future | null): void;
  /** The task was put on the ready queue; `cause` is the future whose completion woke it, if any. */
  taskScheduled?(task: Task, cause: Future | null): void;
  taskDone?(task: Task): void;
  timerScheduled?(timer: TimerHandle): void;
  timerFired?(timer: TimerHandle): void;
  timerCancelled?(timer: TimerHandle): void;
  /** The loop froze for `seconds` (time.sleep or requests in a coroutine), starting now. */
  loopBlocked?(seconds: number, label: string, line: number): void;
  jobQueued?(job: JobInfo): void;
  jobStarted?(job: JobInfo): void;
  jobFinished?(job: JobInfo, ok: boolean): void;
  httpStarted?(req: HttpInfo): void;
  httpFinished?(req: HttpInfo, outcome: string): void;
  primitiveChanged?(state: PrimitiveState): void;
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

/** One function per hook that anybody listens to; `undefined` otherwise. */
export type Hooks = { readonly [K in keyof Instrument]?: NonNullable<Instrument[K]> };

/** Combines instruments into per-hook functions (fan-out only where two or more listen). */
export function combineInstruments(instruments: readonly Instrument[]): Hooks {
  const hooks: Record<string, unknown> = {};
  for (const name of HOOK_NAMES) {
    const fns = instruments
      .map((ins) => (ins[name] as ((...a: unknown[]) => void) | undefined)?.bind(ins))
      .filter((f): f is (...a: unknown[]) => void => f !== undefined);
    if (fns.length === 1) hooks[name] = fns[0];
    else if (fns.length > 1) hooks[name] = (...args: unknown[]) => {
      for (const f of fns) f(...args);
    };
  }
  return hooks as Hooks;
}
