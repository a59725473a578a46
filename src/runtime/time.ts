/**
 * The `time` module as snippets import it: `import * as time from "time";`.
 * Its clocks read the virtual clock; `time.sleep` blocks — inside a
 * coroutine it freezes the whole event loop, which is the point.
 */
import { ValueError } from "./core/errors.ts";
import { pyTypeName } from "./core/repr.ts";
import { currentSession } from "./core/session.ts";

function checkSeconds(seconds: unknown): number {
  if (typeof seconds !== "number") throw new TypeError(`'${pyTypeName(seconds)}' object cannot be interpreted as an integer`);
  if (Number.isNaN(seconds)) throw new ValueError("Invalid value NaN (not a number)");
  if (seconds < 0) throw new ValueError("sleep length must be non-negative");
  return seconds;
}

/**
 * Python's `time.sleep(seconds)`: a **blocking** sleep. In a coroutine it
 * stops the event loop itself: no other task runs, timers fire late. In a
 * function run by `runInExecutor`/`toThread` it blocks only that worker
 * thread. Use `await asyncio.sleep()` in async code.
 * @example
 * function blockingIo() { time.sleep(2); return "done"; }   // fine in an executor
 */
export function sleep(seconds: number): void {
  const s = checkSeconds(seconds);
  const session = currentSession();
  if (session.thread !== null) session.thread.sleep(s);
  else if (session.loop !== null && session.loop.isRunning()) session.loop._block(s, `time.sleep(${s})`);
}

/** Python's `time.monotonic()`: the virtual clock in seconds (loop time; after `asyncio.run` returns, the time it ended at). */
export function monotonic(): number {
  return currentSession().now();
}

/** Python's `time.time()`: seconds since the epoch — here the virtual clock, so runs repeat exactly. */
export function time(): number {
  return currentSession().now();
}

/** Python's `time.perf_counter()`: the virtual clock, for measuring durations. */
export function perfCounter(): number {
  return currentSession().now();
}
