/**
 * The trace: what happened in a run, as plain data.
 *
 * Every run records one. The timeline draws it, exercise checks and tests
 * read it, and it downloads as Trace Event Format for Perfetto. It is
 * plain JSON-able data with no references into the runtime, so the page and
 * the worker can exchange it and a test can write one by hand.
 *
 * Times are virtual seconds (loop time). `seq` orders events completely:
 * many events share one virtual instant, and the order among them is the
 * order they happened in. `line` is the snippet line that caused the event
 * (1-based; 0 when no snippet line did, e.g. the runner's own shutdown).
 *
 * Ids: tasks, timers, jobs, requests and primitives each get an id from one
 * counter, so an id names one object across the whole trace.
 *
 * The full description, with an example, is in docs/trace.md.
 */

/** Schema version; bumped on incompatible changes. */
export const TRACE_VERSION = 1;

/** A run's trace: its tasks, its primitives and its events (see the module comment). */
export interface Trace {
  /** The schema version it follows (`TRACE_VERSION`). */
  readonly version: typeof TRACE_VERSION;
  /** Every task of the run, in creation order. */
  readonly tasks: readonly TaskInfo[];
  /** Semaphores, locks, events, conditions and queues that changed state. */
  readonly primitives: readonly PrimitiveInfo[];
  /** Events in the order they happened (`seq` increasing). */
  readonly events: readonly TraceEvent[];
  /** Virtual time of the last event. */
  readonly endTime: number;
  /** True if recording stopped at the event cap; `events` then holds the first ones only. */
  readonly truncated: boolean;
}

/** How a task ended. */
export type TaskOutcome = "result" | "error" | "cancelled" | "pending";

/** One task of the run, as it ended (or was when the run stopped). */
export interface TaskInfo {
  /** Its id (the `task` of its events). */
  readonly id: number;
  /** `Task-1`, or the name given with `{ name }`. */
  readonly name: string;
  /** The coroutine's qualified name, e.g. `main` or `main.<locals>.worker`. */
  readonly coro: string;
  /** Id of the task that created it (0 for the main task). */
  readonly parent: number;
  /** Index of the `asyncio.run()` call it belongs to (0 for the first). */
  readonly run: number;
  /** Loop time it was created at. */
  readonly createdAt: number;
  /** Snippet line that created it. */
  readonly line: number;
  /** When it finished, or null if it never did. */
  readonly endedAt: number | null;
  /** How it ended, or "pending". */
  readonly outcome: TaskOutcome;
  /** Python's `repr` of the result, or `Name: message` of the error, or the cancel message. */
  readonly detail: string;
}

/** A synchronization primitive that appears in the run (its changes are `prim` events). */
export interface PrimitiveInfo {
  /** Its id (the `prim` of its events). */
  readonly id: number;
  /** "semaphore" | "lock" | "event" | "condition" | "queue" | "barrier". */
  readonly kind: string;
  /** e.g. "Semaphore(3)", "Queue(maxsize=2)". */
  readonly label: string;
}

/** What a task waits on while blocked, as the timeline labels it. */
export interface WaitInfo {
  /** "sleep" | "task" | "gather" | "semaphore" | "lock" | "event" | "condition" | "queue" | "http" | "executor" | "wait" | "shield" | "taskgroup" | "future" | "eager" | "barrier" | ... */
  readonly kind: string;
  /** e.g. "sleep 1 s", "GET httpbin.org/delay/1", "Semaphore(3)", "Task fetch-2". */
  readonly text: string;
  /** Id of the object waited on (a task, a primitive, a request), or 0. */
  readonly target: number;
}

interface Base {
  /** Position in the run's events, from 0: the order things happened in. */
  readonly seq: number;
  /** Virtual time, seconds. */
  readonly t: number;
  /** Snippet line that caused it; 0 if none. */
  readonly line: number;
}

/** `asyncio.run()` began (`run` counts from 0) or ended. */
export interface RunEvent extends Base {
  /** The event kind. */
  readonly kind: "run.start" | "run.end";
  /** Which `asyncio.run()` call, from 0. */
  readonly run: number;
}
/** A task was created (it starts at a later `step.begin`). */
export interface TaskCreateEvent extends Base {
  /** The event kind. */
  readonly kind: "task.create";
  /** The task's id. */
  readonly task: number;
  /** Id of the task that created it, 0 for the main task. */
  readonly parent: number;
}
/** The task was put on the ready queue; `cause` is the id of what woke it (0: a new task, or sleep(0)). */
export interface TaskWakeEvent extends Base {
  /** The event kind. */
  readonly kind: "task.wake";
  /** The task's id. */
  readonly task: number;
  /** Id of what woke it. */
  readonly cause: number;
}
/** The loop resumed the task. */
export interface StepBeginEvent extends Base {
  /** The event kind. */
  readonly kind: "step.begin";
  /** The task's id. */
  readonly task: number;
}
/** The task gave control back; `wait` says what it now waits on (null: it is ready again, or done). */
export interface StepEndEvent extends Base {
  /** The event kind. */
  readonly kind: "step.end";
  /** The task's id. */
  readonly task: number;
  /** What it now waits on; null when it is ready again or done. */
  readonly wait: WaitInfo | null;
}
/** A task finished. */
export interface TaskDoneEvent extends Base {
  /** The event kind. */
  readonly kind: "task.done";
  /** The task's id. */
  readonly task: number;
  /** With a result, an error, or cancelled. */
  readonly outcome: Exclude<TaskOutcome, "pending">;
}
/** A timer was set (a sleep, a timeout, `callLater`...). */
export interface TimerSetEvent extends Base {
  /** The event kind. */
  readonly kind: "timer.set";
  /** The timer's id. */
  readonly timer: number;
  /** Deadline, loop time. */
  readonly when: number;
  /** What it is for, e.g. "sleep 1 s", "timeout 2 s". */
  readonly label: string;
  /** Task that set it, or 0. */
  readonly task: number;
}
/** A timer came due, or was cancelled while still set. */
export interface TimerEvent extends Base {
  /** The event kind. */
  readonly kind: "timer.fire" | "timer.cancel";
  /** The timer's id. */
  readonly timer: number;
}
/** The loop froze for `seconds` from `t` (time.sleep / a blocking request in a coroutine). */
export interface LoopBlockEvent extends Base {
  /** The event kind. */
  readonly kind: "loop.block";
  /** How long the loop was frozen. */
  readonly seconds: number;
  /** What froze it, e.g. "time.sleep(2)". */
  readonly label: string;
  /** Task that blocked it, or 0. */
  readonly task: number;
}
/** An executor job was queued, started on a worker, or ended. */
export interface JobEvent extends Base {
  /** The event kind. */
  readonly kind: "job.queue" | "job.start" | "job.end";
  /** The job's id. */
  readonly job: number;
  /** Worker slot (0-based) once started; -1 while queued. */
  readonly worker: number;
  /** e.g. "blocking_io()". */
  readonly label: string;
  /** For job.end: false if the function raised. */
  readonly ok: boolean;
}
/** A simulated HTTP request was sent. */
export interface HttpStartEvent extends Base {
  /** The event kind. */
  readonly kind: "http.start";
  /** The request's id. */
  readonly req: number;
  /** "GET", "POST"... */
  readonly method: string;
  /** The URL as given. */
  readonly url: string;
  /** Its host, e.g. "httpbin.org". */
  readonly host: string;
  /** True for `requests` (blocks the loop). */
  readonly blocking: boolean;
  /** Task that sent it, or 0. */
  readonly task: number;
}
/** A simulated HTTP request ended. */
export interface HttpEndEvent extends Base {
  /** The event kind. */
  readonly kind: "http.end";
  /** The request's id. */
  readonly req: number;
  /** "200 OK", "429 Too Many Requests", "ConnectionError", "cancelled". */
  readonly outcome: string;
}
/** A primitive's state changed: `value` = free permits / items / 1 if set or free. */
export interface PrimitiveEvent extends Base {
  /** The event kind. */
  readonly kind: "prim";
  /** The primitive's id. */
  readonly prim: number;
  /** Free permits, items queued, or 1 if set or free. */
  readonly value: number;
  /** Tasks waiting on it. */
  readonly waiters: number;
}
/** Output. `stream` "warning" carries Python's warnings and loop messages. */
export interface OutputEvent extends Base {
  /** The event kind. */
  readonly kind: "print";
  /** What was written. */
  readonly text: string;
  /** Where: print's stdout, stderr, or Python's warnings and loop messages. */
  readonly stream: "stdout" | "stderr" | "warning";
  /** Task that printed, or 0 (top level, or an executor thread). */
  readonly task: number;
}

/** Any event of the trace (`kind` tells which). */
export type TraceEvent =
  | RunEvent
  | TaskCreateEvent
  | TaskWakeEvent
  | StepBeginEvent
  | StepEndEvent
  | TaskDoneEvent
  | TimerSetEvent
  | TimerEvent
  | LoopBlockEvent
  | JobEvent
  | HttpStartEvent
  | HttpEndEvent
  | PrimitiveEvent
  | OutputEvent;

/** The kinds of events: "run.start", "task.create", "step.begin"... */
export type TraceEventKind = TraceEvent["kind"];
