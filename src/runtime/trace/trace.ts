/**
 * A run's trace in its one form: packed columns, from the recorder to the
 * page's pixels.
 *
 * `TraceColumns` is the data: one row per event across a few typed arrays
 * (what each column means for each kind is in the schema, schema.ts), the
 * events' times kept per run of events sharing one, a log of the floats
 * and one of the id lists the few kinds that need them carry, a row per
 * task and per primitive, and one table of strings. It is what the worker
 * transfers to the page: the arrays travel as they are (sandbox/wire.ts),
 * no object per event is ever made on the way.
 *
 * `Trace` is the columns checked and indexed: its constructor checks every
 * row against the schema (a known kind; every string, float and list index
 * in bounds; time never going back within a run; sizes within the limits
 * it is given) and throws a `TraceError` saying what is wrong, so the page
 * can take the columns of an untrusted reply as they are. What it adds is
 * two arrays: each event's time, and where its float or id list is.
 *
 * Rejected: a plain object per event (the trace's form until issue #14).
 * It cost a third of the recorder's throughput, 13 MB of JSON for a
 * 10,000-task run, and a decode, a field-by-field check and a rebuild on
 * the page before anything could be drawn.
 */
import { sleepLabel } from "../core/labels.ts";
import {
  CODE,
  EVENTS,
  type FieldSpec,
  KIND_OF_CODE,
  LIST_WAIT_CODES,
  LIST_WAITS,
  type PrimitiveInfo,
  TASK_OUTCOMES,
  type TaskInfo,
  type TraceEvent,
  type TraceEventKind,
  WAIT_KINDS,
  type WaitInfo,
} from "./schema.ts";

/** The trace's data: the schema's columns and the tables they point into. */
export interface TraceColumns {
  /** Per event: its kind's code (`CODE`). */
  readonly kind: Uint8Array;
  /** Per event: column `f` (a flag, or an index into a list of names). */
  readonly f: Uint8Array;
  /** Per event: the snippet line that caused it (0: none). */
  readonly line: Int32Array;
  /** Per event: column `a` (usually the id the event is about). */
  readonly a: Int32Array;
  /** Per event: column `b` (a second id or a count). */
  readonly b: Int32Array;
  /** Per event: column `s`: an index into `strings`, -1 for none, or -2 - k for `sleep <sleeps[k]> s`. */
  readonly s: Int32Array;
  /** Event times, per run of events with one time: run k starts at event `timeFirst[k]`... */
  readonly timeFirst: Int32Array;
  /** ...and has time `timeValue[k]`. */
  readonly timeValue: Float64Array;
  /** Column `x` of the kinds that have one, in event order. */
  readonly floats: Float64Array;
  /** Column `list` of the events that have one, in event order: a count, then that many ids. */
  readonly lists: Int32Array;
  /** Delays of the sleep labels (`s` = -2 - k). */
  readonly sleeps: Float64Array;
  /** Per task, in creation order: its id... */
  readonly taskId: Int32Array;
  readonly taskParent: Int32Array;
  readonly taskRun: Int32Array;
  readonly taskLine: Int32Array;
  /** ...its name, coroutine and detail (indexes into `strings`, -1 for none)... */
  readonly taskName: Int32Array;
  readonly taskCoro: Int32Array;
  readonly taskDetail: Int32Array;
  readonly taskCreatedAt: Float64Array;
  /** ...when it ended (NaN: it did not)... */
  readonly taskEndedAt: Float64Array;
  /** ...and how (an index into `TASK_OUTCOMES`). */
  readonly taskOutcome: Uint8Array;
  /** Per primitive: its id, kind and label (indexes into `strings`). */
  readonly primId: Int32Array;
  readonly primKind: Int32Array;
  readonly primLabel: Int32Array;
  /** The strings the columns point into. */
  readonly strings: readonly string[];
  /** Virtual time of the last event. */
  readonly endTime: number;
  /** True if recording stopped at the event cap (or the trace was cut): the events are the first ones only. */
  readonly truncated: boolean;
}

/** What the length of each typed array of `TraceColumns` is. */
export type TraceCount = "events" | "times" | "floats" | "lists" | "sleeps" | "tasks" | "prims";

/**
 * The typed arrays of `TraceColumns`, with their element type and what
 * their length counts. Widest first: arrays laid out in this order from an
 * 8-byte boundary are each aligned (the wire does so).
 */
export const TRACE_ARRAYS = [
  ["timeValue", "f64", "times"],
  ["floats", "f64", "floats"],
  ["sleeps", "f64", "sleeps"],
  ["taskCreatedAt", "f64", "tasks"],
  ["taskEndedAt", "f64", "tasks"],
  ["line", "i32", "events"],
  ["a", "i32", "events"],
  ["b", "i32", "events"],
  ["s", "i32", "events"],
  ["timeFirst", "i32", "times"],
  ["lists", "i32", "lists"],
  ["taskId", "i32", "tasks"],
  ["taskParent", "i32", "tasks"],
  ["taskRun", "i32", "tasks"],
  ["taskLine", "i32", "tasks"],
  ["taskName", "i32", "tasks"],
  ["taskCoro", "i32", "tasks"],
  ["taskDetail", "i32", "tasks"],
  ["primId", "i32", "prims"],
  ["primKind", "i32", "prims"],
  ["primLabel", "i32", "prims"],
  ["kind", "u8", "events"],
  ["f", "u8", "events"],
  ["taskOutcome", "u8", "tasks"],
] as const satisfies readonly (readonly [keyof TraceColumns, "f64" | "i32" | "u8", TraceCount])[];

/** The counts of a trace's arrays. */
export function traceCounts(c: TraceColumns): Record<TraceCount, number> {
  return { events: c.kind.length, times: c.timeFirst.length, floats: c.floats.length, lists: c.lists.length, sleeps: c.sleeps.length, tasks: c.taskId.length, prims: c.primId.length };
}

/**
 * Limits a trace from an untrusted source must keep (the page's:
 * sandbox/protocol.ts). Its strings table is the reply's, whose limits the
 * wire checks once for the output and the trace together (`wire.ts`).
 */
export interface TraceLimits {
  readonly maxEvents: number;
  readonly maxTasks: number;
}

const NO_LIMITS: TraceLimits = { maxEvents: Infinity, maxTasks: Infinity };

/**
 * @internal The first run of one time whose time is earlier than the run
 * before it other than where a new asyncio.run() starts, or -1. Events can
 * be recorded out of order (a worker thread's request is stamped with the
 * thread's clock): `pack.ts` sorts such a trace, and a `Trace` refuses one.
 */
export function timeGoesBackAt(c: Pick<TraceColumns, "timeFirst" | "timeValue" | "kind">): number {
  const { timeFirst, timeValue, kind } = c;
  for (let k = 1; k < timeFirst.length; k++) if (timeValue[k] < timeValue[k - 1] && kind[timeFirst[k]] !== RUN_START) return k;
  return -1;
}

/** The trace's data breaks the schema or a limit; `message` says how. */
export class TraceError extends Error {
  override name = "TraceError";
}

/** What the validator needs to know of each code, from the schema (index: code). */
interface CodeRule {
  /** Largest value `f` may hold. */
  readonly fMax: number;
  /** `s` holds a string (else it must be -1). */
  readonly text: boolean;
  readonly float: boolean;
  /** `f` is a wait kind: a list wait reads an id list. */
  readonly wait: boolean;
  readonly fields: readonly (readonly [string, FieldSpec])[];
}

const RULES: readonly (CodeRule | undefined)[] = KIND_OF_CODE.map((kind) => {
  if (kind === undefined) return undefined;
  const fields = Object.entries(EVENTS[kind].fields) as [string, FieldSpec][];
  let fMax = 0;
  for (const [, spec] of fields) {
    if (spec.read === "flag") fMax = 1;
    else if (spec.read === "enum") fMax = (spec.values?.length ?? 1) - 1;
    else if (spec.read === "wait") fMax = WAIT_KINDS.length;
  }
  return {
    fMax,
    text: fields.some(([, s]) => s.col === "s" || s.read === "wait"),
    float: fields.some(([, s]) => s.col === "x"),
    wait: fields.some(([, s]) => s.read === "wait"),
    fields,
  };
});
const RUN_START = CODE["run.start"];

/** True if events of kind `code` carry a float (column `x`). */
export function codeHasFloat(code: number): boolean {
  return RULES[code]?.float === true;
}

/** True if an event of kind `code` with column `f` = `f` carries an id list (a `step.end` on a gather, TaskGroup or wait). */
export function codeHasList(code: number, f: number): boolean {
  return RULES[code]?.wait === true && LIST_WAIT_CODES[f] === 1;
}

const isIndex = (x: number, length: number) => x >= 0 && x < length;
const isStringRef = (x: number, length: number) => x === -1 || (x >= 0 && x < length);

/**
 * A trace: its columns, checked against the schema and indexed (see the
 * module comment). Read it through its accessors, or `event(i)` for one
 * event as an object.
 * @example
 * const trace = new Trace(columns); // throws TraceError if they break the schema
 * for (let i = 0; i < trace.count; i++) if (trace.kindOf(i) === "print") print(trace.text(i));
 */
export class Trace {
  /** The data (read-only: other indexes are made from it). */
  readonly columns: TraceColumns;
  /** Events. */
  readonly count: number;
  /** Per event: its virtual time. */
  readonly time: Float64Array;
  /** Per event: where its float is in `floats`, or its id list in `lists` (-1: none). */
  readonly aux: Int32Array;
  readonly endTime: number;
  readonly truncated: boolean;
  private readonly rowById: Int32Array | Map<number, number>;
  private readonly infos: (TaskInfo | undefined)[];
  private readonly sleepTexts = new Map<number, string>();
  private primInfos: PrimitiveInfo[] | null = null;

  /** Checks `columns` against the schema and `limits` (none by default), and indexes them; throws `TraceError`. */
  constructor(columns: TraceColumns, limits: TraceLimits = NO_LIMITS) {
    this.columns = columns;
    const c = columns;
    const n = c.kind.length;
    this.count = n;
    const fail: (why: string) => never = (why) => {
      throw new TraceError(why);
    };
    if (n > limits.maxEvents) fail(`has ${n} events (at most ${limits.maxEvents})`);
    const counts = traceCounts(c);
    for (const [name, , count] of TRACE_ARRAYS) if (c[name].length !== counts[count]) fail(`column ${name} has ${c[name].length} rows, not ${counts[count]}`);
    const strings = c.strings;
    if (!Array.isArray(strings)) fail("has no strings table");
    if (!(Number.isFinite(c.endTime) && c.endTime >= 0) || typeof c.truncated !== "boolean") fail("has a bad end time or truncation flag");
    this.endTime = c.endTime;
    this.truncated = c.truncated;

    // Times: runs in order, each a finite time that goes back only where a new asyncio.run() starts.
    const time = new Float64Array(n);
    const runs = c.timeFirst.length;
    if (n > 0 && (runs === 0 || c.timeFirst[0] !== 0)) fail("has events before its first time");
    for (let k = 0; k < runs; k++) {
      const first = c.timeFirst[k];
      const end = k + 1 < runs ? c.timeFirst[k + 1] : n;
      const t = c.timeValue[k];
      if (!(first < end && end <= n)) fail("has its times out of order");
      if (!(Number.isFinite(t) && t >= 0)) fail("has a time that is not a time");
      time.fill(t, first, end);
    }
    const back = timeGoesBackAt(c);
    if (back >= 0) fail(`goes back in time at event ${c.timeFirst[back]}`);
    this.time = time;

    // Rows, kind by kind.
    const aux = new Int32Array(n).fill(-1);
    const stringCount = strings.length;
    const sleepCount = c.sleeps.length;
    const floatCount = c.floats.length;
    const listLength = c.lists.length;
    let nextFloat = 0;
    let nextList = 0;
    for (let i = 0; i < n; i++) {
      const rule = RULES[c.kind[i]];
      if (rule === undefined) fail(`has an event of unknown kind ${c.kind[i]} at ${i}`);
      const f = c.f[i];
      if (f > rule.fMax) fail(`has a bad value in column f at event ${i}`);
      const s = c.s[i];
      if (rule.text ? !(s === -1 || (s >= 0 && s < stringCount) || (s <= -2 && -2 - s < sleepCount)) : s !== -1) fail(`has a string index out of bounds at event ${i}`);
      if (rule.float) {
        if (nextFloat >= floatCount) fail("has fewer floats than its events need");
        aux[i] = nextFloat++;
      } else if (rule.wait && LIST_WAIT_CODES[f] === 1) {
        const m = c.lists[nextList];
        if (!(nextList < listLength && m >= 0 && nextList + 1 + m <= listLength)) fail(`has an id list out of bounds at event ${i}`);
        aux[i] = nextList;
        nextList += 1 + m;
      }
    }
    if (nextFloat !== floatCount || nextList !== listLength) fail("has floats or id lists no event uses");
    this.aux = aux;

    // Tasks and primitives.
    const tasks = c.taskId.length;
    if (tasks > limits.maxTasks) fail(`has ${tasks} tasks (at most ${limits.maxTasks})`);
    let maxId = 0;
    for (let r = 0; r < tasks; r++) {
      const id = c.taskId[r];
      if (id <= 0) fail("has a task without an id");
      if (id > maxId) maxId = id;
      if (!isStringRef(c.taskName[r], stringCount) || !isStringRef(c.taskCoro[r], stringCount) || !isStringRef(c.taskDetail[r], stringCount)) fail("has a task string out of bounds");
      if (c.taskOutcome[r] >= TASK_OUTCOMES.length) fail("has a task with a bad outcome");
      const ended = c.taskEndedAt[r];
      if (!Number.isFinite(c.taskCreatedAt[r]) || !(Number.isNaN(ended) || Number.isFinite(ended))) fail("has a task with a bad time");
    }
    for (let r = 0; r < c.primId.length; r++) if (!isIndex(c.primKind[r], stringCount) || !isIndex(c.primLabel[r], stringCount)) fail("has a primitive string out of bounds");
    // Ids are small and dense (one counter per session): an array by id, unless a hostile trace names a huge one.
    const byId: Int32Array | Map<number, number> = maxId <= Math.max(1 << 16, 8 * (n + tasks)) ? new Int32Array(maxId + 1).fill(-1) : new Map();
    for (let r = 0; r < tasks; r++) {
      if (byId instanceof Map) byId.set(c.taskId[r], r);
      else byId[c.taskId[r]] = r;
    }
    this.rowById = byId;
    this.infos = new Array(tasks);
  }

  // ---- events -----------------------------------------------------------

  /** Code of event `i` (`CODE`). */
  code(i: number): number {
    return this.columns.kind[i];
  }

  /** Kind of event `i`. */
  kindOf(i: number): TraceEventKind {
    return KIND_OF_CODE[this.columns.kind[i]] as TraceEventKind;
  }

  /** Virtual time of event `i`. */
  t(i: number): number {
    return this.time[i];
  }

  /** Snippet line of event `i` (0: none). */
  line(i: number): number {
    return this.columns.line[i];
  }

  /** Event `i`'s float (column `x`: a deadline, a blocked period, a primitive's value); NaN if its kind has none. */
  x(i: number): number {
    const k = this.aux[i];
    return k >= 0 && RULES[this.columns.kind[i]]?.float ? this.columns.floats[k] : NaN;
  }

  /** Event `i`'s string (column `s`). */
  text(i: number): string {
    return this.string(this.columns.s[i]);
  }

  /** The string a column `s` value stands for. */
  string(code: number): string {
    if (code >= 0) return this.columns.strings[code];
    if (code === -1) return "";
    const seconds = this.columns.sleeps[-2 - code];
    let text = this.sleepTexts.get(seconds);
    if (text === undefined) this.sleepTexts.set(seconds, (text = sleepLabel(seconds)));
    return text;
  }

  /** For a `step.end`: the wait kind (null: not waiting). */
  waitKind(i: number): string | null {
    const f = this.columns.f[i];
    return this.columns.kind[i] === CODE["step.end"] && f > 0 ? WAIT_KINDS[f - 1] : null;
  }

  /** For a `step.end` on a gather, TaskGroup or `wait`: the ids waited for (empty otherwise). */
  targets(i: number): Int32Array {
    const k = this.aux[i];
    if (k < 0 || this.columns.kind[i] !== CODE["step.end"]) return new Int32Array(0);
    return this.columns.lists.subarray(k + 1, k + 1 + this.columns.lists[k]);
  }

  /** For a `step.end`: what the task now waits on (null: ready again, or done). */
  wait(i: number): WaitInfo | null {
    const kind = this.waitKind(i);
    if (kind === null) return null;
    const base = { kind, text: this.text(i), target: this.columns.b[i] };
    return LIST_WAITS.has(kind) ? { ...base, targets: Array.from(this.targets(i)) } : base;
  }

  /** Event `i` as an object (see `TraceEvent`): for describing one event, tests and the JSON form; loops over many read the columns. */
  event(i: number): TraceEvent {
    const c = this.columns;
    const kind = KIND_OF_CODE[c.kind[i]] as TraceEventKind;
    const e: Record<string, unknown> = { seq: i, t: this.time[i], line: c.line[i], kind };
    for (const [name, spec] of (RULES[c.kind[i]] as CodeRule).fields) e[name] = this.field(i, spec);
    return e as TraceEvent;
  }

  /** Every event as an object (tests, the JSON form; see `event`). */
  events(): TraceEvent[] {
    const out: TraceEvent[] = new Array(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.event(i);
    return out;
  }

  private field(i: number, spec: FieldSpec): unknown {
    const c = this.columns;
    switch (spec.read) {
      case "int":
        return spec.col === "a" ? c.a[i] : c.b[i];
      case "text":
        return this.text(i);
      case "part":
        return this.text(i).split("\u0000")[spec.part ?? 0] ?? "";
      case "flag":
        return c.f[i] === 1;
      case "enum":
        return (spec.values as readonly string[])[c.f[i]];
      case "float":
        return c.floats[this.aux[i]];
      case "wait":
        return this.wait(i);
    }
  }

  // ---- tasks and primitives -----------------------------------------------

  /** Tasks, in creation order. */
  get taskCount(): number {
    return this.columns.taskId.length;
  }

  /** The row of the task with id `id`, or -1. */
  taskRow(id: number): number {
    const m = this.rowById;
    if (m instanceof Map) return m.get(id) ?? -1;
    return id >= 0 && id < m.length ? m[id] : -1;
  }

  /** The task of row `row`, as an object (made once, when first asked for). */
  taskInfo(row: number): TaskInfo {
    let info = this.infos[row];
    if (info === undefined) {
      const c = this.columns;
      const ended = c.taskEndedAt[row];
      info = {
        id: c.taskId[row],
        name: this.string(c.taskName[row]),
        coro: this.string(c.taskCoro[row]),
        parent: c.taskParent[row],
        run: c.taskRun[row],
        createdAt: c.taskCreatedAt[row],
        line: c.taskLine[row],
        endedAt: Number.isNaN(ended) ? null : ended,
        outcome: TASK_OUTCOMES[c.taskOutcome[row]],
        detail: this.string(c.taskDetail[row]),
      };
      this.infos[row] = info;
    }
    return info;
  }

  /** Every task, in creation order. */
  get tasks(): readonly TaskInfo[] {
    const out: TaskInfo[] = new Array(this.taskCount);
    for (let r = 0; r < out.length; r++) out[r] = this.taskInfo(r);
    return out;
  }

  /** The name of the task with id `id` (undefined: not a task of this trace). */
  taskName(id: number): string | undefined {
    const row = this.taskRow(id);
    return row < 0 ? undefined : this.string(this.columns.taskName[row]);
  }

  /** The primitives that changed state, in order of their first change. */
  get primitives(): readonly PrimitiveInfo[] {
    if (this.primInfos === null) {
      const c = this.columns;
      this.primInfos = Array.from(c.primId, (id, r) => ({ id, kind: this.string(c.primKind[r]), label: this.string(c.primLabel[r]) }));
    }
    return this.primInfos;
  }
}
