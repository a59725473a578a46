/**
 * Time is injected: the loop reads a `Clock`, never `Date.now()`.
 *
 * The product runs on a virtual clock only: a 10-second program finishes at
 * once and every run is the same, so tests assert exact times (trio's
 * `MockClock` is the model). The loop moves the clock forward itself, to the
 * next timer's deadline, when nothing is ready to run.
 */
export interface Clock {
  /** Current time in seconds (Python's `loop.time()`). */
  now(): number;
}

/** A clock that only moves when the event loop advances it. Starts at 0. */
export class VirtualClock implements Clock {
  private t = 0;

  now(): number {
    return this.t;
  }

  /** Moves the clock to `t`; time never goes backwards. */
  advanceTo(t: number): void {
    if (t > this.t) this.t = t;
  }
}
