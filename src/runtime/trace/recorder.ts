/**
 * The trace recorder: an `Instrument` that writes each event as a row of
 * packed typed-array columns (`columns.ts`), in the columns the schema
 * gives each kind (schema.ts), and hands them over as a `Trace` once the
 * run is over (`pack.ts`).
 *
 * Recording allocates nothing per event or per task: the columns grow by
 * doubling and are kept across `reset()`, so repeated runs (benchmarks, a
 * learner pressing Run again in the same worker) write into the same
 * memory. Strings are interned (a label like "Semaphore(3)" is stored
 * once), and a sleep's label is stored as its number of seconds. Per task
 * the recorder keeps one row and a reference to the task, read at the end
 * for its name, coroutine and outcome.
 */
import type { Future } from "../core/future.ts";
import type { TimerHandle } from "../core/handles.ts";
import type { HttpInfo, Instrument, JobInfo, PrimitiveState, Stream } from "../core/instrument.ts";
import type { EventLoop } from "../core/loop.ts";
import type { Session } from "../core/session.ts";
import type { Task } from "../core/task.ts";
import { EventColumns, FloatLog, IntLog, TaskColumns, TimeRuns } from "./columns.ts";
import { packTrace } from "./pack.ts";
import { CODE, LIST_WAIT_CODES, WAIT_KINDS } from "./schema.ts";
import type { Trace } from "./trace.ts";

/** Default cap on recorded events; past it the trace is marked truncated. */
export const DEFAULT_MAX_EVENTS = 2_000_000;

/** Column `f` of a `step.end` for each wait kind (its index + 1); kinds not in the schema's list are "other". */
const WAIT_CODE = new Map<string, number>(WAIT_KINDS.map((k, i) => [k, i + 1]));
const OTHER_WAIT = WAIT_KINDS.length;
const SLEEP_WAIT = WAIT_CODE.get("sleep") as number;

/** What `pack.ts` reads: the recorder's columns and tables, as they are at the end of a run. */
export interface Recorded {
  /** One row per event. */
  readonly events: EventColumns;
  /** The events' times. */
  readonly times: TimeRuns;
  /** The floats of the kinds with a column `x`, in event order. */
  readonly floats: FloatLog;
  /** The id lists of the `step.end`s of gathers, TaskGroups and waits, in event order. */
  readonly lists: IntLog;
  /** One row per traced task. */
  readonly tasks: TaskColumns;
  /** Interned strings (column `s` indexes them). */
  readonly strings: readonly string[];
  /** The index of `text` in `strings`, adding it if it is new. */
  intern(text: string): number;
  /** Delays of the lazy sleep labels (`s` = -2 - k stands for `sleepLabel(sleeps[k])`). */
  readonly sleeps: FloatLog;
  /** Each primitive met, by id. */
  readonly primitives: ReadonlyMap<number, { kind: string; label: string }>;
  /** Events were dropped at the cap. */
  readonly truncated: boolean;
}

/**
 * Records a run's trace (see the module comment). Give it to a session as
 * one of its instruments, `attach` it to that session, run, then `toTrace()`.
 * `reset()` makes it ready for the next session, keeping its buffers.
 * @example
 * const recorder = new TraceRecorder();
 * const session = new Session({ instruments: [recorder] });
 * recorder.attach(session);
 * withSession(session, () => asyncio.run(main()));
 * const trace = recorder.toTrace();
 */
export class TraceRecorder implements Instrument {
  private session: Session | null = null;
  private readonly events: EventColumns;
  private readonly times = new TimeRuns();
  private readonly floats = new FloatLog();
  private readonly taskRows = new TaskColumns(256);
  /** Delays of the lazy sleep labels (see `sleepText`). */
  private readonly sleeps = new FloatLog();
  private readonly lists = new IntLog();
  private strings: string[] = [];
  private stringIds = new Map<string, number>();
  private truncated = false;
  private runs = -1;
  private readonly primitives = new Map<number, { kind: string; label: string }>();

  /** Most events kept; later ones are dropped and the trace is marked truncated. Default: 2,000,000. */
  readonly maxEvents: number;

  /** A recorder keeping at most `maxEvents` events (default 2,000,000); its buffers start small and double. */
  constructor(maxEvents: number = DEFAULT_MAX_EVENTS) {
    this.maxEvents = maxEvents;
    this.events = new EventColumns(Math.max(0, Math.min(1024, maxEvents)));
  }

  /** Connects the recorder to the session whose clock and line it reads. */
  attach(session: Session): void {
    this.session = session;
  }

  /** Forgets everything recorded, keeping the buffers for the next run. */
  reset(): void {
    this.events.count = 0;
    this.times.clear();
    this.floats.clear();
    this.lists.clear();
    this.taskRows.clear();
    this.sleeps.clear();
    this.strings = [];
    this.stringIds = new Map();
    this.truncated = false;
    this.runs = -1;
    this.primitives.clear();
    this.session = null;
  }

  /** Number of events recorded so far. */
  get size(): number {
    return this.events.count;
  }

  /** The trace of everything recorded: its own copy of the columns (the recorder's are reused by the next run). */
  toTrace(): Trace {
    return packTrace({
      events: this.events,
      times: this.times,
      floats: this.floats,
      lists: this.lists,
      tasks: this.taskRows,
      strings: this.strings,
      intern: (text) => this.intern(text),
      sleeps: this.sleeps,
      primitives: this.primitives,
      truncated: this.truncated,
    });
  }

  // ---- hooks --------------------------------------------------------------

  /** Instrument hook (see `Instrument.runStarted`). */
  runStarted(_loop: EventLoop): void {
    this.runs++;
    this.push(CODE["run.start"], this.runs, 0, -1, 0);
  }

  /** Instrument hook (see `Instrument.runEnded`). */
  runEnded(_loop: EventLoop): void {
    this.push(CODE["run.end"], this.runs, 0, -1, 0);
  }

  /** Instrument hook (see `Instrument.taskCreated`). */
  taskCreated(task: Task, parent: Task | null, eager: boolean): void {
    const parentId = parent === null ? 0 : parent._id;
    this.taskRows.push(task, task._id, parentId, this.runs, task._line, (this.session as Session).now());
    this.push(CODE["task.create"], task._id, parentId, -1, eager ? 1 : 0);
  }

  /** Instrument hook (see `Instrument.taskScheduled`). */
  taskScheduled(task: Task, cause: Future | null): void {
    if (task._hidden) return;
    this.push(CODE["task.wake"], task._id, cause === null ? 0 : cause._waitTarget(), -1, 0);
  }

  /** Instrument hook (see `Instrument.stepBegan`). */
  stepBegan(task: Task): void {
    if (task._hidden) return;
    this.push(CODE["step.begin"], task._id, 0, -1, 0);
  }

  /** Instrument hook (see `Instrument.stepEnded`). */
  stepEnded(task: Task, waitingOn: Future | null): void {
    if (task._hidden) return;
    if (waitingOn === null) {
      this.push(CODE["step.end"], task._id, 0, -1, 0);
      return;
    }
    const seconds = waitingOn._sleepSeconds();
    if (seconds === seconds) {
      this.push(CODE["step.end"], task._id, 0, this.sleepText(seconds), SLEEP_WAIT);
      return;
    }
    const w = waitingOn._waitLabel();
    const kind = WAIT_CODE.get(w.kind) ?? OTHER_WAIT;
    // A gather, TaskGroup or wait also lists the tasks it waits for (the timeline's await graph): in `lists`, in event order.
    if (this.push(CODE["step.end"], task._id, w.target, this.eventText(w.text), kind) && LIST_WAIT_CODES[kind] === 1) {
      const lists = this.lists;
      const at = lists.count;
      lists.push(0);
      const m = waitingOn._waitTargets(lists);
      lists.values[at] = m;
    }
  }

  /** Instrument hook (see `Instrument.taskDone`). */
  taskDone(task: Task): void {
    if (task._hidden) return;
    const rows = this.taskRows;
    const row = rows.rowOf(task._id);
    if (row >= 0) rows.endedAt[row] = (this.session as Session).now();
    const outcome = task.cancelled() ? 2 : task._hasException ? 1 : 0;
    this.push(CODE["task.done"], task._id, 0, -1, outcome);
  }

  /** Instrument hook (see `Instrument.timerScheduled`). */
  timerScheduled(timer: TimerHandle): void {
    const session = this.session as Session;
    timer.traceId = session.nextId();
    const task = session.loop?._currentTask;
    const seconds = timer._sleepSeconds();
    const label = seconds === seconds ? this.sleepText(seconds) : this.eventText(timer.labelText());
    this.pushFloat(CODE["timer.set"], timer.traceId, task ? task._id : 0, label, timer.when);
  }
  /** Instrument hook (see `Instrument.timerFired`). */
  timerFired(timer: TimerHandle): void {
    this.push(CODE["timer.fire"], timer.traceId, 0, -1, 0);
  }

  /** Instrument hook (see `Instrument.timerCancelled`). */
  timerCancelled(timer: TimerHandle): void {
    if (timer._scheduled) this.push(CODE["timer.cancel"], timer.traceId, 0, -1, 0);
  }

  /** Instrument hook (see `Instrument.loopBlocked`). */
  loopBlocked(seconds: number, label: string, _line: number): void {
    const task = this.session?.loop?._currentTask;
    this.pushFloat(CODE["loop.block"], task ? task._id : 0, 0, this.eventText(label), seconds);
  }

  /** Instrument hook (see `Instrument.jobQueued`). */
  jobQueued(job: JobInfo): void {
    this.push(CODE["job.queue"], job.id, job.worker, this.eventText(job.label), 1);
  }

  /** Instrument hook (see `Instrument.jobStarted`). */
  jobStarted(job: JobInfo): void {
    this.push(CODE["job.start"], job.id, job.worker, this.eventText(job.label), 1);
  }

  /** Instrument hook (see `Instrument.jobFinished`). */
  jobFinished(job: JobInfo, ok: boolean): void {
    this.push(CODE["job.end"], job.id, job.worker, this.eventText(job.label), ok ? 1 : 0);
  }

  /** Instrument hook (see `Instrument.httpStarted`). */
  httpStarted(req: HttpInfo): void {
    const task = this.session?.loop?._currentTask;
    this.push(CODE["http.start"], req.id, task ? task._id : 0, this.eventText(`${req.method}\u0000${req.url}\u0000${req.host}`), req.blocking ? 1 : 0);
  }

  /** Instrument hook (see `Instrument.httpFinished`). */
  httpFinished(req: HttpInfo, outcome: string): void {
    this.push(CODE["http.end"], req.id, 0, this.eventText(outcome), 0);
  }

  /** Instrument hook (see `Instrument.primitiveChanged`). */
  primitiveChanged(p: PrimitiveState): void {
    if (!this.primitives.has(p._id)) this.primitives.set(p._id, { kind: p._kind, label: p._label });
    this.pushFloat(CODE.prim, p._id, p._waiting, -1, p._value);
  }

  /** Instrument hook (see `Instrument.output`). */
  output(text: string, stream: Stream, time: number): void {
    const session = this.session as Session;
    const task = session.thread === null ? session.loop?._currentTask : null;
    this.pushAt(time, CODE.print, task ? task._id : 0, 0, this.eventText(text), stream === "stdout" ? 0 : stream === "stderr" ? 1 : 2);
  }

  // ---- storage ------------------------------------------------------------

  /**
   * The string code of an event's text, or -1 once the trace is full: the
   * event will be dropped, and its text must not grow the table (a print
   * loop after the cap would ship every line in it).
   */
  private eventText(text: string): number {
    return this.events.count >= this.maxEvents ? -1 : this.intern(text);
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

  /**
   * The string code of "sleep N s", kept as the number N. Formatting a
   * float and interning a string per sleep was the largest cost of tracing
   * a run of many timers (each delay is its own label); the trace formats
   * each label when it is read (`Trace.text`). A delay equal to the one
   * before shares its entry: a timer and the step that waits on it, or a
   * loop of equal sleeps.
   * Nothing once the trace is full, as `eventText`.
   */
  private sleepText(seconds: number): number {
    if (this.events.count >= this.maxEvents) return -1;
    const sleeps = this.sleeps;
    const k = sleeps.count;
    if (k > 0 && sleeps.values[k - 1] === seconds) return -1 - k;
    sleeps.push(seconds);
    return -2 - k;
  }

  private push(kind: number, a: number, b: number, s: number, f: number): boolean {
    return this.pushAt((this.session as Session).now(), kind, a, b, s, f);
  }

  /** An event that carries a float too (`floats`, in event order). */
  private pushFloat(kind: number, a: number, b: number, s: number, x: number): void {
    if (this.pushAt((this.session as Session).now(), kind, a, b, s, 0)) this.floats.push(x);
  }

  /** Writes one row; false if the trace is full (the event is dropped and the trace marked truncated). */
  private pushAt(time: number, kind: number, a: number, b: number, s: number, f: number): boolean {
    const c = this.events;
    const i = c.count;
    if (i >= c.capacity) {
      if (i >= this.maxEvents) {
        this.truncated = true;
        return false;
      }
      c.grow(Math.min(c.capacity * 2, this.maxEvents));
    }
    this.times.note(i, time);
    c.kind[i] = kind;
    c.line[i] = (this.session as Session).cursor.l;
    c.a[i] = a;
    c.b[i] = b;
    c.s[i] = s;
    c.f[i] = f;
    c.count = i + 1;
    return true;
  }
}
