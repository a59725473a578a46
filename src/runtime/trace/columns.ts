/**
 * Growable typed-array columns: the recorder's storage.
 *
 * One object per event costs 29–89% of the scheduler's throughput and a
 * gigabyte at three million events (bench.md); a row across a few typed
 * arrays costs a few dozen bytes and no garbage. Columns grow by doubling
 * (amortized O(1) per row, at most half of the capacity unused) and are
 * never shrunk: `clear()` only forgets the rows, so the next run of the
 * same recorder writes into the memory the last one grew.
 */

type NumberArray = Uint8Array | Int32Array | Float64Array;

/** Copies `old` into a new array of the same type with room for `capacity` rows. */
export function grown<A extends NumberArray>(old: A, capacity: number, rows: number): A {
  const next = new (old.constructor as new (n: number) => A)(capacity);
  next.set(old.subarray(0, rows) as never);
  return next;
}

/**
 * The events: row `i` is one event of kind `kind[i]`, caused by snippet
 * line `line[i]`; `a`, `b`, `s`, `f` mean what the schema (schema.ts) says
 * for each kind. Eighteen bytes a row: what is rarely needed is not stored in every
 * row. An event's virtual time changes seldom (many events share one
 * instant), so `TimeRuns` keeps it per run of events; the few kinds that
 * carry a float (a timer's deadline, a blocking period, a primitive's
 * value) append it to `floats`, in event order.
 */
export class EventColumns {
  /** Rows written. */
  count = 0;
  /** Rows the arrays hold. */
  capacity: number;
  /** Event kind (its code in the schema). */
  kind: Uint8Array;
  /** A small number: a wait kind, an outcome, a stream, a flag. */
  f: Uint8Array;
  /** Snippet line that caused it. */
  line: Int32Array;
  /** Usually the id of the task (or timer, job, request, primitive) it is about. */
  a: Int32Array;
  /** A second id or count (parent, cause, wait target, worker, waiters). */
  b: Int32Array;
  /** A string: an index into the strings table, -1 for none, or -2 - k for the k-th lazy sleep label (see `TraceRecorder`). */
  s: Int32Array;

  /** Columns with room for `capacity` rows. */
  constructor(capacity: number) {
    this.capacity = capacity;
    this.kind = new Uint8Array(capacity);
    this.f = new Uint8Array(capacity);
    this.line = new Int32Array(capacity);
    this.a = new Int32Array(capacity);
    this.b = new Int32Array(capacity);
    this.s = new Int32Array(capacity);
  }

  /** Makes room for `capacity` rows, keeping the rows written. */
  grow(capacity: number): void {
    const n = this.count;
    this.kind = grown(this.kind, capacity, n);
    this.f = grown(this.f, capacity, n);
    this.line = grown(this.line, capacity, n);
    this.a = grown(this.a, capacity, n);
    this.b = grown(this.b, capacity, n);
    this.s = grown(this.s, capacity, n);
    this.capacity = capacity;
  }
}

// IntLog and FloatLog are one idea written twice on purpose: a shared class's
// push would store into both array types and go polymorphic on the
// recorder's hot path (every sleep, timer, primitive change, gather child).

/** 32-bit integers appended in order (grows by doubling, kept across `clear()`). */
export class IntLog {
  /** Values appended. */
  count = 0;
  /** The values (`count` of them are used). */
  values = new Int32Array(256);

  /** Appends `x`. */
  push(x: number): void {
    const i = this.count;
    if (i === this.values.length) this.values = grown(this.values, i * 2, i);
    this.values[i] = x;
    this.count = i + 1;
  }

  /** Forgets the values, keeping the buffer. */
  clear(): void {
    this.count = 0;
  }
}

/** Floats appended in order (grows by doubling, kept across `clear()`). */
export class FloatLog {
  /** Values appended. */
  count = 0;
  /** The values (`count` of them are used). */
  values = new Float64Array(256);

  /** Appends `x`. */
  push(x: number): void {
    const i = this.count;
    if (i === this.values.length) this.values = grown(this.values, i * 2, i);
    this.values[i] = x;
    this.count = i + 1;
  }

  /** Forgets the values, keeping the buffer. */
  clear(): void {
    this.count = 0;
  }
}

/**
 * The virtual time of every event, kept per run of events with one time:
 * run `k` starts at event `first[k]` and has time `time[k]`.
 */
export class TimeRuns {
  /** Runs noted. */
  count = 0;
  /** First event of each run. */
  first = new Int32Array(256);
  /** Time of each run. */
  time = new Float64Array(256);
  /** The time of the last run (NaN before the first). */
  last = NaN;

  /** Event `row` happens at `t`. */
  note(row: number, t: number): void {
    if (t === this.last) return;
    const k = this.count;
    if (k === this.first.length) {
      this.first = grown(this.first, k * 2, k);
      this.time = grown(this.time, k * 2, k);
    }
    this.first[k] = row;
    this.time[k] = t;
    this.last = t;
    this.count = k + 1;
  }

  /** Forgets the runs, keeping the buffers. */
  clear(): void {
    this.count = 0;
    this.last = NaN;
  }
}

/**
 * One row per traced task, in creation order: what `TaskInfo` needs that
 * the task object will not say at the end (when and where it was created,
 * in which run, when it ended). A task's row is found from its id through
 * `rowOfId`, an array indexed by id (ids are small and dense: tasks,
 * timers and primitives draw them from one counter per session), instead
 * of a map entry per task.
 */
export class TaskColumns {
  /** Rows written. */
  count = 0;
  /** Rows the arrays hold. */
  capacity: number;
  /** Each task's id. */
  ids: Int32Array;
  /** Row + 1 of the task with each id; 0 for ids that are not traced tasks. */
  private rowOfId = new Int32Array(1024);
  /** Highest id entered in `rowOfId` (the part `clear()` must reset). */
  private maxId = 0;
  /** Which `asyncio.run()` it belongs to. */
  run: Int32Array;
  /** Id of the task that created it, 0 if none. */
  parent: Int32Array;
  /** Snippet line that created it. */
  line: Int32Array;
  /** Loop time it was created at. */
  createdAt: Float64Array;
  /** NaN while the task has not ended. */
  endedAt: Float64Array;
  /** The tasks themselves (their name, coroutine, outcome and result are read when the trace is built). */
  readonly tasks: unknown[] = [];

  /** Columns with room for `capacity` tasks. */
  constructor(capacity: number) {
    this.capacity = capacity;
    this.ids = new Int32Array(capacity);
    this.run = new Int32Array(capacity);
    this.parent = new Int32Array(capacity);
    this.line = new Int32Array(capacity);
    this.createdAt = new Float64Array(capacity);
    this.endedAt = new Float64Array(capacity);
  }

  /** Adds a row for `task`. */
  push(task: unknown, id: number, parent: number, run: number, line: number, createdAt: number): void {
    const i = this.count;
    if (i === this.capacity) this.grow(this.capacity * 2);
    this.ids[i] = id;
    this.parent[i] = parent;
    this.run[i] = run;
    this.line[i] = line;
    this.createdAt[i] = createdAt;
    this.endedAt[i] = NaN;
    this.tasks[i] = task;
    this.count = i + 1;
    if (id >= this.rowOfId.length) this.rowOfId = grown(this.rowOfId, Math.max(id + 1, this.rowOfId.length * 2), this.rowOfId.length);
    this.rowOfId[id] = i + 1;
    if (id > this.maxId) this.maxId = id;
  }

  /** The row of the task with id `id`, or -1. */
  rowOf(id: number): number {
    return id < this.rowOfId.length ? this.rowOfId[id] - 1 : -1;
  }

  /** Forgets the rows (and the tasks), keeping the arrays. */
  clear(): void {
    this.count = 0;
    this.tasks.length = 0;
    this.rowOfId.fill(0, 0, this.maxId + 1);
    this.maxId = 0;
  }

  private grow(capacity: number): void {
    const n = this.count;
    this.ids = grown(this.ids, capacity, n);
    this.parent = grown(this.parent, capacity, n);
    this.run = grown(this.run, capacity, n);
    this.line = grown(this.line, capacity, n);
    this.createdAt = grown(this.createdAt, capacity, n);
    this.endedAt = grown(this.endedAt, capacity, n);
    this.capacity = capacity;
  }
}
