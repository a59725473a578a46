/**
 * Time is injected: the runtime reads two clocks, and both come from the
 * session (`SessionOptions.loopClock`, `SessionOptions.wallClock`), so a
 * test can give it clocks it controls and assert exact times instead of
 * ranges (trio's `MockClock` is the model).
 *
 * - The loop clock is virtual: it moves only when the event loop moves it,
 *   to the next timer's deadline, when nothing is ready to run. A 10-second
 *   program finishes at once, and every run is the same. Each
 *   `asyncio.run()` gets a new one, so its loop time starts at 0.
 * - The wall clock is real time, read for one thing only: the budget that
 *   stops a run going on too long (`Budgets.maxWallMs`). Nothing the
 *   program sees depends on it.
 */

/** A clock in seconds (Python's `loop.time()`). */
export interface Clock {
  /** Current time in seconds. */
  now(): number;
}

/** The clock an event loop runs on: it moves only when the loop moves it. */
export interface LoopClock extends Clock {
  /** Moves the clock to `t`; time never goes backwards (an earlier `t` is ignored). */
  advanceTo(t: number): void;
}

/**
 * The loop clock of every run: starts at 0, moves when the loop advances it.
 * @example
 * const clock = new VirtualClock();
 * clock.advanceTo(1.5);
 * clock.now(); // 1.5
 */
export class VirtualClock implements LoopClock {
  private t = 0;

  /** The loop time, in seconds. */
  now(): number {
    return this.t;
  }

  /** Moves to `t`, never backwards. */
  advanceTo(t: number): void {
    if (t > this.t) this.t = t;
  }
}

/** Real time in milliseconds, from any origin; it never goes backwards. */
export interface WallClock {
  /** Milliseconds since some fixed origin. */
  now(): number;
}

/**
 * The real clock: the host's `performance.now()`, which is monotonic
 * (`Date.now()` jumps when the system clock is set), or `Date.now()` where
 * there is none. Taken when this module loads, before any snippet runs,
 * so a snippet cannot replace it. (Looked up on `globalThis`: the runtime
 * assumes no host beyond the language.)
 */
export const SYSTEM_WALL_CLOCK: WallClock = {
  now: ((): (() => number) => {
    const perf = (globalThis as { performance?: { now?: () => number } }).performance;
    return typeof perf?.now === "function" ? perf.now.bind(perf) : Date.now;
  })(),
};
