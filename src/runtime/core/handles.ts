/**
 * Python's `Handle` and `TimerHandle`: a callback the loop will run, on the
 * ready queue (`callSoon`) or in the timer heap (`callLater`, `callAt`).
 * Task steps and futures' done callbacks need no handle (see `ready-queue.ts`).
 */

/** A callback scheduled with `callSoon` (Python's `asyncio.Handle`). */
export class Handle {
  /** @internal True once cancelled: the loop skips it (Python's `Handle._cancelled`). */
  _cancelled = false;
  /** The function to call. */
  readonly callback: (...args: any[]) => unknown;
  /** The arguments to call it with. */
  readonly args: readonly unknown[];
  /** Source line that scheduled it, for the trace. */
  readonly line: number;

  /** Made by `loop.callSoon()`. */
  constructor(callback: (...args: any[]) => unknown, args: readonly unknown[], line: number) {
    this.callback = callback;
    this.args = args;
    this.line = line;
  }

  /** Python's `Handle.cancel()`: the callback will not run. */
  cancel(): void {
    this._cancelled = true;
  }

  /** Python's `Handle.cancelled()`. */
  cancelled(): boolean {
    return this._cancelled;
  }

  /** @internal Runs the callback (the loop reports what it throws). */
  _run(): void {
    this.callback(...this.args);
  }
}

/** Notified when a scheduled timer is cancelled (the loop counts them to compact its heap). */
export interface TimerOwner {
  /** @internal A timer it scheduled was cancelled. */
  _timerCancelled(timer: TimerHandle): void;
}

/**
 * A callback scheduled at a loop time (Python's `asyncio.TimerHandle`).
 * Timers order by deadline, then by creation: equal deadlines fire in the
 * order they were scheduled, as they do in real asyncio where "equal"
 * deadlines differ by the microseconds between the calls.
 */
export class TimerHandle extends Handle {
  /** True while in the loop's heap. */
  _scheduled = false;
  /** Deadline in loop time. */
  readonly when: number;
  /** Creation order, the tie-break between equal deadlines. */
  readonly seq: number;
  /** What the timer is for, shown on the timeline (e.g. "sleep 1 s"). */
  readonly label: string;
  /** Trace id of the timer (0 until the trace gives it one). */
  traceId = 0;
  private readonly owner: TimerOwner;

  /** Made by `loop.callLater()` / `loop.callAt()`. */
  constructor(when: number, seq: number, callback: (...args: any[]) => unknown, args: readonly unknown[], line: number, owner: TimerOwner, label: string) {
    super(callback, args, line);
    this.when = when;
    this.seq = seq;
    this.owner = owner;
    this.label = label;
  }

  /** What the timer is for, as the timeline says it. */
  labelText(): string {
    return this.label;
  }

  /**
   * @internal The delay of the `asyncio.sleep` this timer ends, NaN for any
   * other timer. Sleeps are most of a run's timers and each has its own
   * label; the trace keeps the number and writes "sleep N s" only when it is read.
   */
  _sleepSeconds(): number {
    return NaN;
  }

  /** Python's `TimerHandle.when()`. */
  whenTime(): number {
    return this.when;
  }

  /** Python's `TimerHandle.cancel()`: the callback will not run; the loop drops the timer. */
  override cancel(): void {
    if (!this._cancelled) {
      this._cancelled = true;
      this.owner._timerCancelled(this);
    }
  }
}
