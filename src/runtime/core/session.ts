/**
 * A session is one execution of a snippet: everything that outlives a single
 * `asyncio.run()` (a snippet may call it twice) and that Python keeps per
 * process — the `Task-N` counter, the warnings registry, printed output, the
 * trace hooks — plus the budgets that stop a runaway run.
 *
 * The runtime's module functions (`asyncio.sleep`, `print`, ...) find the
 * current session through `currentSession()`, as CPython's find the running
 * loop through a thread-local: a snippet is plain code calling plain
 * functions, with no handle to pass around.
 */
import { type LoopClock, SYSTEM_WALL_CLOCK, VirtualClock, type WallClock } from "./clock.ts";
import type { Coroutine } from "./coroutine.ts";
import type { Future } from "./future.ts";
import { UnstartedCoroutines } from "./never-awaited.ts";
import { combineInstruments, type Hooks, type Instrument, type Stream } from "./instrument.ts";
import { noticeText, type Notice } from "./notices.ts";

/** Limits that end a run cleanly, with a message saying which one. Defaults beside each. */
export interface Budgets {
  /** Task steps plus callbacks run. Default: 5,000,000. */
  maxSteps: number;
  /** Tasks created. Default: 100,000. */
  maxTasks: number;
  /** Characters printed. Default: 1,000,000. */
  maxOutputChars: number;
  /** Loop time in seconds. Default: 86,400 (one virtual day). */
  maxVirtualTime: number;
  /** Wall-clock milliseconds, checked between loop iterations (a synchronous infinite loop needs the worker watchdog). Default: Infinity. */
  maxWallMs: number;
}

/** The budgets a session has unless told otherwise (the sandbox sets a wall-clock one). */
export const DEFAULT_BUDGETS: Budgets = {
  maxSteps: 5_000_000,
  maxTasks: 100_000,
  maxOutputChars: 1_000_000,
  maxVirtualTime: 86_400,
  maxWallMs: Infinity,
};

/** Which budget ended the run. */
export type BudgetKind = "steps" | "tasks" | "output" | "time" | "wall" | "trace";

/**
 * Thrown when a budget runs out. It is not a Python exception: tasks do not
 * catch it, it unwinds the whole run, and the runner reports `message`.
 */
export class RunAborted extends Error {
  /** Which budget ran out. */
  readonly kind: BudgetKind;
  /** Made by `Session.abort`. */
  constructor(kind: BudgetKind, message: string) {
    super(message);
    this.name = "RunAborted";
    this.kind = kind;
  }
}

/** Where the line the snippet is executing is kept; the snippet's host object writes `l` at each statement. */
export interface LineCursor {
  /** The 1-based snippet line running now (0 before the first statement). */
  l: number;
}

/** One piece of output, with when and where it happened. */
export interface OutputRecord {
  /** What was written (a warning or loop message as Python words it). */
  readonly text: string;
  /** stdout (print), stderr, or warning (Python's warnings and loop messages). */
  readonly stream: Stream;
  /** Virtual time of the write. */
  readonly time: number;
  /** For warnings and loop messages: what they say, as data. */
  readonly notice?: Notice;
  /** Name of the task that wrote it; "thread" for an executor job; null at top level. */
  readonly task?: string | null;
}

/** Runs thread-side code (an executor job) with its own virtual time. */
export interface ThreadContext {
  /** The job's local clock: start time plus the time.sleep()s it made. */
  now: number;
  /** Output written by the job, released when the loop reaches its time. */
  readonly pending: { text: string; stream: Stream; time: number }[];
  /** How output from this thread is attributed, e.g. "thread 2". */
  readonly label: string;
  /** Blocks the worker thread for `seconds` (time.sleep in a job). */
  sleep(seconds: number): void;
}

/** What a session is made with. Every option has a default. */
export interface SessionOptions {
  /** Watch the scheduler (the trace recorder is one). Default: none. */
  instruments?: readonly Instrument[];
  /** Limits that stop a runaway run; the rest keep `DEFAULT_BUDGETS`. */
  budgets?: Partial<Budgets>;
  /** Receives every piece of output as it is produced, in order. */
  onOutput?: (record: OutputRecord) => void;
  /** Seed for the simulated network's jitter. Default: 1. */
  seed?: number;
  /** The object snippets write their current line to (the sandbox's host object). Default: a fresh one. */
  cursor?: LineCursor;
  /** Makes the clock of each `asyncio.run()`'s loop. Default: a new `VirtualClock` (loop time starts at 0). */
  loopClock?: () => LoopClock;
  /** Real time, for the `maxWallMs` budget. Default: `SYSTEM_WALL_CLOCK` (`performance.now()`). */
  wallClock?: WallClock;
}

/** State of one snippet execution. See the module comment. */
export class Session {
  /** The instruments' hooks, one listener per hook (see `instrument.ts`). */
  readonly hooks: Hooks;
  /** The budgets in force. */
  readonly budgets: Budgets;
  /** Where the running snippet line is kept. */
  readonly cursor: LineCursor;
  /** Seed of the simulated network's jitter. */
  readonly seed: number;
  /** Python's process-wide task name counter (`Task-1` is the first `run()`'s main task). */
  private taskNames = 0;
  /** Ids for trace objects (tasks, futures, timers, primitives...). */
  private ids = 0;
  /** Steps (task steps and callbacks) run so far. */
  steps = 0;
  /** Tasks created so far (the runner's own shutdown tasks are not counted). */
  tasksCreated = 0;
  private outputChars = 0;
  /** The virtual time the last run ended at (time.monotonic() after run() keeps it). */
  lastTime = 0;
  /** The loop of the `asyncio.run()` in progress, if any. */
  loop: import("./loop.ts").EventLoop | null = null;
  /** Set while an executor job's function runs. */
  thread: ThreadContext | null = null;
  /** Per-session state of library modules (the simulated web...), by module name. */
  readonly extras = new Map<string, unknown>();
  /** Python's warnings registry: a warning text and line is shown once. */
  private readonly warned = new Set<string>();
  /** Coroutines not started yet, for "never awaited" at the end. */
  private readonly unstarted = new UnstartedCoroutines();
  /** Futures and tasks whose exception may never be retrieved. */
  private failures: Future[] = [];
  private readonly onOutput: ((r: OutputRecord) => void) | undefined;
  private readonly loopClock: () => LoopClock;
  private readonly wallClock: WallClock;
  /** Wall-clock time the session started at, for `maxWallMs`. */
  private readonly wallStart: number;

  /** A session for one execution of a snippet; see `SessionOptions` for what can be given. */
  constructor(options: SessionOptions = {}) {
    this.hooks = combineInstruments(options.instruments ?? []);
    this.budgets = { ...DEFAULT_BUDGETS, ...options.budgets };
    this.onOutput = options.onOutput;
    this.seed = options.seed ?? 1;
    this.cursor = options.cursor ?? { l: 0 };
    this.loopClock = options.loopClock ?? (() => new VirtualClock());
    this.wallClock = options.wallClock ?? SYSTEM_WALL_CLOCK;
    this.wallStart = this.wallClock.now();
  }

  /** A clock for a new event loop (see `SessionOptions.loopClock`). */
  newLoopClock(): LoopClock {
    return this.loopClock();
  }

  /** Next `Task-N` number. */
  nextTaskNumber(): number {
    return ++this.taskNames;
  }

  /** A fresh id for a traced object. */
  nextId(): number {
    return ++this.ids;
  }

  /** The last id given: objects made later have greater ids. */
  get idsIssued(): number {
    return this.ids;
  }

  /** Current virtual time: the running loop's clock, a worker thread's own clock, or where the last run ended. */
  now(): number {
    if (this.thread !== null) return this.thread.now;
    return this.loop !== null ? this.loop.time() : this.lastTime;
  }

  /** Writes program output (print) at the current virtual time. */
  write(text: string, stream: Stream = "stdout"): void {
    this.outputChars += text.length;
    if (this.outputChars > this.budgets.maxOutputChars) {
      throw this.abort("output", `Output limit reached: the program printed more than ${this.budgets.maxOutputChars.toLocaleString("en-US")} characters.`);
    }
    if (this.thread !== null) {
      this.thread.pending.push({ text, stream, time: this.thread.now });
      return;
    }
    this.emit(text, stream, this.now(), undefined, this.loop?._currentTask?._name ?? null);
  }

  /** Delivers output now (also used when a worker thread's output comes due). */
  emit(text: string, stream: Stream, time: number, notice?: Notice, task: string | null = null): void {
    this.hooks.output?.output(text, stream, time);
    this.onOutput?.(notice === undefined ? { text, stream, time, task } : { text, stream, time, notice, task });
  }

  /**
   * Reports a warning or loop message. Python warnings show once per
   * (text, line), as the default warnings filter does.
   */
  notice(n: Notice): void {
    if (n.kind === "warning") {
      const key = `${n.line}\u0000${n.category}\u0000${n.message}`;
      if (this.warned.has(key)) return;
      this.warned.add(key);
    }
    this.emit(noticeText(n), "warning", this.now(), n);
  }

  /** Remembers a new coroutine, to warn at the end if it never ran. */
  trackCoroutine(c: Coroutine): void {
    this.unstarted.add(c);
  }

  /** A task starts `c`, or takes it as its own: it needs no more watching here. */
  coroutineStarted(c: Coroutine): void {
    this.unstarted.remove(c);
  }

  /** Says Python's "coroutine '...' was never awaited" for `c` (once per line), and closes it. */
  neverAwaited(c: Coroutine): void {
    c.close();
    this.notice({ kind: "warning", category: "RuntimeWarning", message: `coroutine '${c.qualname}' was never awaited`, line: c.line });
  }

  /** Remembers a future that failed, to report it at the end if nobody looked. */
  trackFailure(f: Future): void {
    this.failures.push(f);
  }

  /**
   * What Python says when a run's objects are garbage collected: coroutines
   * never awaited, exceptions never retrieved. A JavaScript runtime cannot
   * see garbage collection, so this is said when a run ends, in the order
   * the conditions arose.
   */
  reportUnfinishedBusiness(): void {
    const failures = this.failures;
    this.failures = [];
    for (const c of this.unstarted.takeUnstarted()) this.neverAwaited(c);
    for (const f of failures) {
      if (!f._logTraceback) continue;
      f._logTraceback = false;
      this.notice(f._neverRetrievedNotice());
    }
  }

  /** Counts a step and enforces the step and wall-clock budgets. */
  countStep(): void {
    if (++this.steps > this.budgets.maxSteps) {
      throw this.abort("steps", `Step limit reached: the loop ran more than ${this.budgets.maxSteps.toLocaleString("en-US")} steps. Is a task looping forever?`);
    }
    if ((this.steps & 0x3fff) === 0 && this.wallClock.now() - this.wallStart > this.budgets.maxWallMs) {
      throw this.abort("wall", `Time limit reached: the program ran for more than ${this.budgets.maxWallMs / 1000} s of real time.`);
    }
  }

  /** Counts a created task against the task budget. */
  countTask(): void {
    if (++this.tasksCreated > this.budgets.maxTasks) {
      throw this.abort("tasks", `Task limit reached: the program created more than ${this.budgets.maxTasks.toLocaleString("en-US")} tasks.`);
    }
  }

  /** The first budget that ran out; sticky, so a learner's `catch` cannot swallow it for long. */
  aborted: RunAborted | null = null;

  /** Ends the run for budget `kind`: returns the error to throw (the first one, if a budget already ran out). */
  abort(kind: BudgetKind, message: string): RunAborted {
    this.aborted ??= new RunAborted(kind, message);
    return this.aborted;
  }
}

let current: Session | null = null;

/** The session of the snippet being executed. Throws when none is (runtime used outside a run). */
export function currentSession(): Session {
  if (current === null) throw new Error("Async Lab runtime: no session (call inside runSnippet/withSession)");
  return current;
}

/** Runs `fn` with `session` current, restoring the previous one afterwards. */
export function withSession<T>(session: Session, fn: () => T): T {
  const prev = current;
  current = session;
  try {
    return fn();
  } finally {
    current = prev;
  }
}
