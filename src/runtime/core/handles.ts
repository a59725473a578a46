/**
 * Entries of the ready queue and the timer heap (Python's `Handle` and
 * `TimerHandle`).
 *
 * Anything the loop can run implements `Runnable`. A task is its own
 * runnable (it remembers why it was woken), so scheduling a task step
 * allocates nothing; other callbacks are wrapped in a `Handle`.
 */

/** Something the ready queue can hold. */
export interface Runnable {
  /** True once cancelled: the loop skips it (Python's `Handle._cancelled`). */
  _cancelled: boolean;
  _run(): void;
}

/** A callback scheduled with `callSoon` (Python's `asyncio.Handle`). */
export class Handle implements Runnable {
  _cancelled = false;
  readonly callback: (...args: any[]) => unknown;
  readonly args: readonly unknown[];
  /** Source line that scheduled it, for the trace. */
  readonly line: number;

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

  _run(): void {
    this.callback(...this.args);
  }
}

/** A future's done callback on the ready queue: `callback(future)`, without an argument array. */
export class CallbackHandle implements Runnable {
  _cancelled = false;
  readonly callback: (arg: any) => unknown;
  readonly arg: unknown;
  constructor(callback: (arg: any) => unknown, arg: unknown) {
    this.callback = callback;
    this.arg = arg;
  }
  _run(): void {
    this.callback(this.arg);
  }
}

/** Notified when a scheduled timer is cancelled (the loop counts them to compact its heap). */
export interface TimerOwner {
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

  /** Python's `TimerHandle.when()`. */
  whenTime(): number {
    return this.when;
  }

  override cancel(): void {
    if (!this._cancelled) {
      this._cancelled = true;
      this.owner._timerCancelled(this);
    }
  }
}

/** Heap order: earlier deadline first, then earlier creation. */
export function timerBefore(a: TimerHandle, b: TimerHandle): boolean {
  return a.when < b.when || (a.when === b.when && a.seq < b.seq);
}
