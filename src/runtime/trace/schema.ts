/**
 * The trace's schema: the one table of event kinds and their fields.
 *
 * Every run records a trace: what happened, as rows of packed columns (one
 * row per event; see `trace.ts`). This table says, for each kind of event,
 * its code in the `kind` column, what it means, and each of its fields:
 * which column holds it and how it reads. Everything else follows from it:
 * the recorder writes rows in these columns (recorder.ts), the page
 * validates a reply kind by kind against it (`Trace`'s constructor), the
 * timeline and the exercise checks read fields through it, the JSON form
 * and Trace Event Format downloads are made with it, and docs/trace.md's
 * table of events is generated from it (a unit test fails if they differ).
 *
 * Adding a kind means adding an entry here with its code and its fields
 * (the `satisfies` below refuses an entry without them), then writing it
 * in the recorder.
 *
 * Times are virtual seconds (loop time). `seq`, an event's position in the
 * run's events, orders events completely: many share one virtual instant.
 * `line` is the snippet line that caused the event (1-based; 0 when no
 * snippet line did). Ids: tasks, timers, jobs, requests and primitives get
 * ids from one counter, so an id names one object across the whole trace.
 */

/** Version of the JSON form (`traceJson`); bumped on incompatible changes. */
export const TRACE_VERSION = 1;

/**
 * Where a field lives in its event's row: `a` and `b` are 32-bit integers
 * (usually ids), `s` a string (an index into the strings table, or a
 * sleep's label kept as its seconds), `f` a small number (a flag, an
 * index into a list of names), `x` a float kept in a log of its own (in
 * event order: few kinds have one), `list` a list of ids kept in a log of
 * their own (in event order).
 */
export type Column = "a" | "b" | "s" | "f" | "x" | "list";

/** How a field's value is read from its column. */
export type FieldRead = "int" | "text" | "part" | "flag" | "enum" | "float" | "wait";

/** One field of an event kind: where it lives, how it reads, what it means. `T` is its value's type. */
export interface FieldSpec<T = unknown> {
  readonly col: Column;
  readonly read: FieldRead;
  /** For `enum`: the names, by the value of `f`. */
  readonly values?: readonly string[];
  /** For `part`: which \0-separated part of the string. */
  readonly part?: number;
  /** Its type as docs/trace.md shows it. */
  readonly type: string;
  /** What it means. */
  readonly doc: string;
  /** Never set: carries `T` for the event types below. */
  readonly __value?: T;
}

/** One kind of event: its code in the `kind` column, what it means, its fields. */
export interface KindSpec {
  readonly code: number;
  readonly doc: string;
  readonly fields: Readonly<Record<string, FieldSpec>>;
}

/** How a task ended (`TaskInfo.outcome`; "pending" if it had not). */
export const TASK_OUTCOMES = ["result", "error", "cancelled", "pending"] as const;
/** How a task ended, or "pending". */
export type TaskOutcome = (typeof TASK_OUTCOMES)[number];
/** `task.done`'s outcome: `TASK_OUTCOMES` without "pending". */
export const DONE_OUTCOMES = ["result", "error", "cancelled"] as const;
/** Where output went: print's stdout, stderr, or Python's warnings and loop messages. */
export const STREAMS = ["stdout", "stderr", "warning"] as const;
/** Where output went. */
export type Stream = (typeof STREAMS)[number];

/**
 * What a task can wait on (`WaitInfo.kind`); column `f` of `step.end`
 * holds the index + 1 (0: not waiting). "other" stands for a kind not in
 * this list.
 */
export const WAIT_KINDS = ["sleep", "task", "gather", "semaphore", "lock", "event", "condition", "queue", "http", "executor", "wait", "shield", "taskgroup", "cancel", "future", "eager", "barrier", "other"] as const;
/** What a task can wait on. */
export type WaitKind = (typeof WAIT_KINDS)[number];
/** Wait kinds whose record lists the tasks waited on (`WaitInfo.targets`): a gather, a TaskGroup, `asyncio.wait`. */
export const LIST_WAITS: ReadonlySet<string> = new Set<WaitKind>(["gather", "taskgroup", "wait"]);
/** `LIST_WAITS` by wait code (a kind's position in `WAIT_KINDS` + 1, column `f`): 1 for a wait that lists its tasks. */
export const LIST_WAIT_CODES = new Uint8Array(WAIT_KINDS.length + 1);
WAIT_KINDS.forEach((k, i) => (LIST_WAIT_CODES[i + 1] = LIST_WAITS.has(k) ? 1 : 0));

/** What a task waits on while blocked, as the timeline labels it. */
export interface WaitInfo {
  /** One of `WAIT_KINDS`. */
  readonly kind: string;
  /** e.g. "sleep 1 s", "GET httpbin.org/delay/1", "Semaphore(3)", "Task fetch-2", "gather (3 awaitables)". */
  readonly text: string;
  /** Id of the object waited on (a task, a primitive, a request), or 0. */
  readonly target: number;
  /** For a gather, a TaskGroup or `asyncio.wait`: the ids of the tasks it waits for (nested gathers flattened). */
  readonly targets?: readonly number[];
}

const int = (col: "a" | "b", doc: string): FieldSpec<number> => ({ col, read: "int", type: "number", doc });
const text = (doc: string): FieldSpec<string> => ({ col: "s", read: "text", type: "string", doc });
const part = (k: number, doc: string): FieldSpec<string> => ({ col: "s", read: "part", part: k, type: "string", doc });
const flag = (doc: string): FieldSpec<boolean> => ({ col: "f", read: "flag", type: "boolean", doc });
const float = (doc: string): FieldSpec<number> => ({ col: "x", read: "float", type: "number", doc });
const oneOf = <V extends string>(values: readonly V[], doc: string): FieldSpec<V> => ({ col: "f", read: "enum", values, type: values.map((v) => `"${v}"`).join(" \\| "), doc });
const wait = (doc: string): FieldSpec<WaitInfo | null> => ({ col: "f", read: "wait", type: "WaitInfo \\| null", doc });

const TASK = int("a", "the task's id");
const RUN = int("a", "which `asyncio.run()` call, from 0");
const TIMER = int("a", "the timer's id");
const JOB = {
  job: int("a", "the job's id"),
  worker: int("b", "its worker slot, from 0 (-1 while queued)"),
  label: text('the function, e.g. "blocking_io()"'),
  ok: flag("false if the function raised (at `job.end`); true otherwise"),
};

/**
 * The event kinds. Each row of the trace is one of these: `code` is its
 * value in the `kind` column, `fields` what the row holds besides `seq`,
 * `t` and `line`. (docs/trace.md's table is generated from this.)
 */
export const EVENTS = {
  "run.start": { code: 1, doc: "`asyncio.run()` began", fields: { run: RUN } },
  "run.end": { code: 2, doc: "`asyncio.run()` ended", fields: { run: RUN } },
  "task.create": {
    code: 3,
    doc: "a task was created: it joins the ready queue, unless it starts eagerly (see below)",
    fields: { task: TASK, parent: int("b", "the task that created it (0: none, as for the main task)"), eager: flag("it starts at once, inside its creator's call, and never enters the ready queue") },
  },
  "task.wake": { code: 4, doc: "the task was put on the ready queue", fields: { task: TASK, cause: int("b", "id of what woke it (0: `sleep(0)`, or nothing known)") } },
  "step.begin": { code: 5, doc: "the loop resumed the task", fields: { task: TASK } },
  "step.end": { code: 6, doc: "the task gave control back", fields: { task: TASK, wait: wait("what it now waits on (`{kind, text, target, targets?}`), or null if it is ready again or done") } },
  "task.done": { code: 7, doc: "the task finished", fields: { task: TASK, outcome: oneOf(DONE_OUTCOMES, "how") } },
  "timer.set": {
    code: 8,
    doc: "a timer was scheduled",
    fields: { timer: TIMER, task: int("b", "the task that set it, or 0"), when: float("its deadline, loop time (may be `Infinity`)"), label: text('what it is for: "sleep 1 s", "timeout 5 s"...') },
  },
  "timer.fire": { code: 9, doc: "the timer came due", fields: { timer: TIMER } },
  "timer.cancel": { code: 10, doc: "the timer was cancelled before it came due", fields: { timer: TIMER } },
  "loop.block": {
    code: 11,
    doc: "the loop froze from `t` on: `time.sleep` or a blocking `requests` call in a coroutine",
    fields: { task: int("a", "the task that blocked it, or 0"), seconds: float("for how long"), label: text('what froze it, e.g. "time.sleep(2)"') },
  },
  "job.queue": { code: 12, doc: "an executor job (`runInExecutor`, `toThread`) was queued", fields: JOB },
  "job.start": { code: 13, doc: "the job started on a worker thread", fields: JOB },
  "job.end": { code: 14, doc: "the job ended", fields: JOB },
  "http.start": {
    code: 15,
    doc: "a request to the simulated web began",
    fields: {
      req: int("a", "the request's id"),
      task: int("b", "the task that sent it, or 0"),
      method: part(0, '"GET", "POST"...'),
      url: part(1, "the URL as given"),
      host: part(2, 'its host, e.g. "httpbin.org"'),
      blocking: flag("sent with `requests` (it blocks the loop)"),
    },
  },
  "http.end": { code: 16, doc: "the request ended", fields: { req: int("a", "the request's id"), outcome: text('"200 OK", "429 Too Many Requests", "ConnectionError", "timeout", "cancelled"') } },
  prim: {
    code: 17,
    doc: "a primitive's state changed",
    fields: {
      prim: int("a", "the primitive's id"),
      waiters: int("b", "tasks waiting on it"),
      value: float("free permits (semaphore), 1 = free (lock) or set (event), items (queue), tasks still needed to open it (barrier)"),
    },
  },
  print: { code: 18, doc: "output", fields: { task: int("a", "the task that wrote it, or 0 (top level, or an executor thread)"), text: text("what was written"), stream: oneOf(STREAMS, "where: `warning` holds Python's warnings and loop messages") } },
} as const satisfies Readonly<Record<string, KindSpec>>;

/** The kinds of events: "run.start", "task.create", "step.begin"... */
export type TraceEventKind = keyof typeof EVENTS;

type Fields<K extends TraceEventKind> = (typeof EVENTS)[K]["fields"];
type ValueOf<S> = S extends FieldSpec<infer T> ? T : never;

/** An event of kind `K` as an object: what `Trace.event` returns, and the JSON form holds. */
export type EventOf<K extends TraceEventKind> = {
  /** Position in the run's events, from 0: the order things happened in. */
  readonly seq: number;
  /** Virtual time, seconds. */
  readonly t: number;
  /** Snippet line that caused it; 0 if none. */
  readonly line: number;
  /** The event kind. */
  readonly kind: K;
} & { readonly [F in keyof Fields<K>]: ValueOf<Fields<K>[F]> };

/** Any event as an object (`kind` tells which). */
export type TraceEvent = { [K in TraceEventKind]: EventOf<K> }[TraceEventKind];

/** Every kind's code (`CODE["task.create"]` is 3). */
export const CODE = Object.freeze(Object.fromEntries(Object.entries(EVENTS).map(([k, v]) => [k, v.code]))) as { readonly [K in TraceEventKind]: (typeof EVENTS)[K]["code"] };

/** The kind of each code (undefined: no such kind). */
export const KIND_OF_CODE: readonly (TraceEventKind | undefined)[] = (() => {
  const out: (TraceEventKind | undefined)[] = [];
  for (const [name, spec] of Object.entries(EVENTS) as [TraceEventKind, KindSpec][]) {
    if (!(spec.code > 0 && spec.code < 256) || out[spec.code] !== undefined) throw new Error(`trace schema: code ${spec.code} of ${name} is taken or out of range`);
    out[spec.code] = name;
  }
  return out;
})();

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

// Names of single kinds, for code that imports them by name.
/** `run.start` / `run.end`. */
export type RunEvent = EventOf<"run.start"> | EventOf<"run.end">;
/** `task.create`. */
export type TaskCreateEvent = EventOf<"task.create">;
/** `task.wake`. */
export type TaskWakeEvent = EventOf<"task.wake">;
/** `step.begin`. */
export type StepBeginEvent = EventOf<"step.begin">;
/** `step.end`. */
export type StepEndEvent = EventOf<"step.end">;
/** `task.done`. */
export type TaskDoneEvent = EventOf<"task.done">;
/** `timer.set`. */
export type TimerSetEvent = EventOf<"timer.set">;
/** `timer.fire` / `timer.cancel`. */
export type TimerEvent = EventOf<"timer.fire"> | EventOf<"timer.cancel">;
/** `loop.block`. */
export type LoopBlockEvent = EventOf<"loop.block">;
/** `job.queue` / `job.start` / `job.end`. */
export type JobEvent = EventOf<"job.queue"> | EventOf<"job.start"> | EventOf<"job.end">;
/** `http.start`. */
export type HttpStartEvent = EventOf<"http.start">;
/** `http.end`. */
export type HttpEndEvent = EventOf<"http.end">;
/** `prim`. */
export type PrimitiveEvent = EventOf<"prim">;
/** `print`. */
export type OutputEvent = EventOf<"print">;
