/**
 * The trace recorder: an `Instrument` that writes each event into packed
 * typed-array columns, and turns them into the plain `Trace` once the run
 * is over.
 *
 * Why columns: one object per event costs 29–89% of the scheduler's
 * throughput and a gigabyte at three million events (bench.md); columns
 * cost a few percent and a few dozen bytes per event. The buffers grow by
 * doubling and are kept across `reset()`, so repeated runs (benchmarks,
 * a learner pressing Run again in the same worker) allocate nothing new.
 * Strings are interned: a label like "sleep 1 s" is stored once.
 */
import type { Future } from "../core/future.ts";
import type { TimerHandle } from "../core/handles.ts";
import type { HttpInfo, Instrument, JobInfo, PrimitiveState, Stream } from "../core/instrument.ts";
import type { EventLoop } from "../core/loop.ts";
import type { Session } from "../core/session.ts";
import type { Task } from "../core/task.ts";
import { buildTrace } from "./build.ts";
import type { Trace } from "./schema.ts";

/** Event kinds in the packed columns. */
export const K = {
  runStart: 1,
  runEnd: 2,
  taskCreate: 3,
  taskWake: 4,
  stepBegin: 5,
  stepEnd: 6,
  taskDone: 7,
  timerSet: 8,
  timerFire: 9,
  timerCancel: 10,
  loopBlock: 11,
  jobQueue: 12,
  jobStart: 13,
  jobEnd: 14,
  httpStart: 15,
  httpEnd: 16,
  prim: 17,
  print: 18,
} as const;

/** Default cap on recorded events; past it the trace is marked truncated. */
export const DEFAULT_MAX_EVENTS = 2_000_000;

/** The columns, readable by `build.ts`. Column meanings per kind are in `build.ts`. */
export interface Columns {
  readonly count: number;
  readonly kind: Uint8Array;
  readonly t: Float64Array;
  readonly line: Int32Array;
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly x: Float64Array;
  readonly s: Int32Array;
  readonly f: Uint8Array;
  readonly strings: readonly string[];
}

/** What the recorder remembers per task, to fill `TaskInfo` at the end. */
export interface TaskRecord {
  readonly task: Task;
  readonly run: number;
  readonly createdAt: number;
  readonly line: number;
  endedAt: number | null;
}

export class TraceRecorder implements Instrument {
  private session: Session | null = null;
  private n = 0;
  private cap = 0;
  private kind = new Uint8Array(0);
  private t = new Float64Array(0);
  private line = new Int32Array(0);
  private a = new Int32Array(0);
  private b = new Int32Array(0);
  private x = new Float64Array(0);
  private s = new Int32Array(0);
  private f = new Uint8Array(0);
  private strings: string[] = [];
  private stringIds = new Map<string, number>();
  private truncated = false;
  private runs = -1;
  /** Wait kinds ("sleep", "task"...), stored as a small index in column `f`. */
  private waitKinds: string[] = [];
  /** @internal */ readonly tasks: TaskRecord[] = [];
  private readonly taskRecords = new Map<number, TaskRecord>();
  /** @internal */ readonly primitives = new Map<number, { kind: string; label: string }>();

  /** Most events kept; later ones are dropped and the trace is marked truncated. */
  readonly maxEvents: number;

  constructor(maxEvents: number = DEFAULT_MAX_EVENTS) {
    this.maxEvents = maxEvents;
    this.grow(1024);
  }

  /** Connects the recorder to the session whose clock and line it reads. */
  attach(session: Session): void {
    this.session = session;
  }

  /** Forgets everything recorded, keeping the buffers for the next run. */
  reset(): void {
    this.n = 0;
    this.strings = [];
    this.stringIds = new Map();
    this.truncated = false;
    this.runs = -1;
    this.waitKinds = [];
    this.tasks.length = 0;
    this.taskRecords.clear();
    this.primitives.clear();
    this.session = null;
  }

  /** Number of events recorded so far. */
  get size(): number {
    return this.n;
  }

  /** The plain trace of everything recorded. */
  toTrace(): Trace {
    return buildTrace(this.columns(), this.waitKinds, this.tasks, this.primitives, this.truncated);
  }

  /** @internal The raw columns. */
  columns(): Columns {
    return { count: this.n, kind: this.kind, t: this.t, line: this.line, a: this.a, b: this.b, x: this.x, s: this.s, f: this.f, strings: this.strings };
  }

  // ---- hooks --------------------------------------------------------------

  runStarted(_loop: EventLoop): void {
    this.runs++;
    this.push(K.runStart, this.runs, 0, 0, -1, 0);
  }

  runEnded(_loop: EventLoop): void {
    this.push(K.runEnd, this.runs, 0, 0, -1, 0);
  }

  taskCreated(task: Task, parent: Task | null): void {
    const session = this.session as Session;
    const rec: TaskRecord = { task, run: this.runs, createdAt: session.now(), line: task._line, endedAt: null };
    this.tasks.push(rec);
    this.taskRecords.set(task._id, rec);
    this.push(K.taskCreate, task._id, parent === null ? 0 : parent._id, 0, -1, 0);
  }

  taskScheduled(task: Task, cause: Future | null): void {
    if (task._hidden) return;
    this.push(K.taskWake, task._id, cause === null ? 0 : cause._waitLabel().target || (cause as { _id?: number })._id || 0, 0, -1, 0);
  }

  stepBegan(task: Task): void {
    if (task._hidden) return;
    this.push(K.stepBegin, task._id, 0, 0, -1, 0);
  }

  stepEnded(task: Task, waitingOn: Future | null): void {
    if (task._hidden) return;
    if (waitingOn === null) this.push(K.stepEnd, task._id, 0, 0, -1, 0);
    else {
      const w = waitingOn._waitLabel();
      this.push(K.stepEnd, task._id, w.target, 0, this.intern(w.text), this.waitKind(w.kind));
    }
  }

  taskDone(task: Task): void {
    if (task._hidden) return;
    const rec = this.taskRecords.get(task._id);
    if (rec) rec.endedAt = (this.session as Session).now();
    const outcome = task.cancelled() ? 2 : task._hasException ? 1 : 0;
    this.push(K.taskDone, task._id, 0, 0, -1, outcome);
  }

  timerScheduled(timer: TimerHandle): void {
    const session = this.session as Session;
    timer.traceId = session.nextId();
    const task = session.loop?._currentTask;
    this.push(K.timerSet, timer.traceId, task ? task._id : 0, timer.when, this.intern(timer.labelText()), 0);
  }

  timerFired(timer: TimerHandle): void {
    this.push(K.timerFire, timer.traceId, 0, 0, -1, 0);
  }

  timerCancelled(timer: TimerHandle): void {
    if (timer._scheduled) this.push(K.timerCancel, timer.traceId, 0, 0, -1, 0);
  }

  loopBlocked(seconds: number, label: string, _line: number): void {
    const task = this.session?.loop?._currentTask;
    this.push(K.loopBlock, task ? task._id : 0, 0, seconds, this.intern(label), 0);
  }

  jobQueued(job: JobInfo): void {
    this.push(K.jobQueue, job.id, job.worker, 0, this.intern(job.label), 0);
  }

  jobStarted(job: JobInfo): void {
    this.push(K.jobStart, job.id, job.worker, 0, this.intern(job.label), 0);
  }

  jobFinished(job: JobInfo, ok: boolean): void {
    this.push(K.jobEnd, job.id, job.worker, 0, this.intern(job.label), ok ? 1 : 0);
  }

  httpStarted(req: HttpInfo): void {
    const task = this.session?.loop?._currentTask;
    this.push(K.httpStart, req.id, task ? task._id : 0, 0, this.intern(`${req.method}\u0000${req.url}\u0000${req.host}`), req.blocking ? 1 : 0);
  }

  httpFinished(req: HttpInfo, outcome: string): void {
    this.push(K.httpEnd, req.id, 0, 0, this.intern(outcome), 0);
  }

  primitiveChanged(p: PrimitiveState): void {
    if (!this.primitives.has(p._id)) this.primitives.set(p._id, { kind: p._kind, label: p._label });
    this.push(K.prim, p._id, p._waiting, p._value, -1, 0);
  }

  output(text: string, stream: Stream, time: number): void {
    const session = this.session as Session;
    const task = session.thread === null ? session.loop?._currentTask : null;
    this.pushAt(time, K.print, task ? task._id : 0, 0, 0, this.intern(text), stream === "stdout" ? 0 : stream === "stderr" ? 1 : 2);
  }

  // ---- storage ------------------------------------------------------------

  /** Index (1-based, < 256) of a wait kind; 255 stands for any kind beyond the first 254. */
  private waitKind(kind: string): number {
    let i = this.waitKinds.indexOf(kind);
    if (i < 0) {
      if (this.waitKinds.length >= 254) return 255;
      i = this.waitKinds.push(kind) - 1;
    }
    return i + 1;
  }

  private intern(text: string): number {
    let id = this.stringIds.get(text);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(text);
      this.stringIds.set(text, id);
    }
    return id;
  }

  private push(kind: number, a: number, b: number, x: number, s: number, f: number): void {
    this.pushAt((this.session as Session).now(), kind, a, b, x, s, f);
  }

  private pushAt(time: number, kind: number, a: number, b: number, x: number, s: number, f: number): void {
    const i = this.n;
    if (i >= this.cap) {
      if (i >= this.maxEvents) {
        this.truncated = true;
        return;
      }
      this.grow(Math.min(this.cap * 2, this.maxEvents));
    }
    this.kind[i] = kind;
    this.t[i] = time;
    this.line[i] = (this.session as Session).cursor.l;
    this.a[i] = a;
    this.b[i] = b;
    this.x[i] = x;
    this.s[i] = s;
    this.f[i] = f;
    this.n = i + 1;
  }

  private grow(cap: number): void {
    const copy = <T extends Uint8Array | Int32Array | Float64Array>(old: T, make: (n: number) => T): T => {
      const next = make(cap);
      next.set(old.subarray(0, this.n) as never);
      return next;
    };
    this.kind = copy(this.kind, (n) => new Uint8Array(n));
    this.t = copy(this.t, (n) => new Float64Array(n));
    this.line = copy(this.line, (n) => new Int32Array(n));
    this.a = copy(this.a, (n) => new Int32Array(n));
    this.b = copy(this.b, (n) => new Int32Array(n));
    this.x = copy(this.x, (n) => new Float64Array(n));
    this.s = copy(this.s, (n) => new Int32Array(n));
    this.f = copy(this.f, (n) => new Uint8Array(n));
    this.cap = cap;
  }
}
