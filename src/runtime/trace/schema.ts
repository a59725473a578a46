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

export interface Trace {
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

export interface TaskInfo {
  readonly id: number;
  /** `Task-1`, or the name given with `{ name }`. */
  readonly name: string;
  /** The coroutine's qualified name, e.g. `main` or `main.<locals>.worker`. */
  readonly coro: string;
  /** Id of the task that created it (0 for the main task). */
  readonly parent: number;
  /** Index of the `asyncio.run()` call it belongs to (0 for the first). */
  readonly run: number;
  readonly createdAt: number;
  readonly line: number;
  /** When it finished, or null if it never did. */
  readonly endedAt: number | null;
  readonly outcome: TaskOutcome;
  /** Python's `repr` of the result, or `Name: message` of the error, or the cancel message. */
  readonly detail: string;
}

export interface PrimitiveInfo {
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
  readonly seq: number;
  /** Virtual time, seconds. */
  readonly t: number;
  /** Snippet line that caused it; 0 if none. */
  readonly line: number;
}

/** `asyncio.run()` began (`run` counts from 0) or ended. */
export interface RunEvent extends Base {
  readonly kind: "run.start" | "run.end";
  readonly run: number;
}
export interface TaskCreateEvent extends Base {
  readonly kind: "task.create";
  readonly task: number;
  readonly parent: number;
}
/** The task was put on the ready queue; `cause` is the id of what woke it (0: a new task, or sleep(0)). */
export interface TaskWakeEvent extends Base {
  readonly kind: "task.wake";
  readonly task: number;
  readonly cause: number;
}
/** The loop resumed the task. */
export interface StepBeginEvent extends Base {
  readonly kind: "step.begin";
  readonly task: number;
}
/** The task gave control back; `wait` says what it now waits on (null: it is ready again, or done). */
export interface StepEndEvent extends Base {
  readonly kind: "step.end";
  readonly task: number;
  readonly wait: WaitInfo | null;
}
export interface TaskDoneEvent extends Base {
  readonly kind: "task.done";
  readonly task: number;
  readonly outcome: Exclude<TaskOutcome, "pending">;
}
export interface TimerSetEvent extends Base {
  readonly kind: "timer.set";
  readonly timer: number;
  /** Deadline, loop time. */
  readonly when: number;
  readonly label: string;
  /** Task that set it, or 0. */
  readonly task: number;
}
export interface TimerEvent extends Base {
  readonly kind: "timer.fire" | "timer.cancel";
  readonly timer: number;
}
/** The loop froze for `seconds` from `t` (time.sleep / a blocking request in a coroutine). */
export interface LoopBlockEvent extends Base {
  readonly kind: "loop.block";
  readonly seconds: number;
  readonly label: string;
  readonly task: number;
}
export interface JobEvent extends Base {
  readonly kind: "job.queue" | "job.start" | "job.end";
  readonly job: number;
  /** Worker slot (0-based) once started; -1 while queued. */
  readonly worker: number;
  /** e.g. "blocking_io()". */
  readonly label: string;
  /** For job.end: false if the function raised. */
  readonly ok: boolean;
}
export interface HttpStartEvent extends Base {
  readonly kind: "http.start";
  readonly req: number;
  readonly method: string;
  readonly url: string;
  readonly host: string;
  /** True for `requests` (blocks the loop). */
  readonly blocking: boolean;
  readonly task: number;
}
export interface HttpEndEvent extends Base {
  readonly kind: "http.end";
  readonly req: number;
  /** "200 OK", "429 Too Many Requests", "ConnectionError", "cancelled". */
  readonly outcome: string;
}
/** A primitive's state changed: `value` = free permits / items / 1 if set or free. */
export interface PrimitiveEvent extends Base {
  readonly kind: "prim";
  readonly prim: number;
  readonly value: number;
  readonly waiters: number;
}
/** Output. `stream` "warning" carries Python's warnings and loop messages. */
export interface OutputEvent extends Base {
  readonly kind: "print";
  readonly text: string;
  readonly stream: "stdout" | "stderr" | "warning";
  /** Task that printed, or 0 (top level, or an executor thread). */
  readonly task: number;
}

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

export type TraceEventKind = TraceEvent["kind"];
