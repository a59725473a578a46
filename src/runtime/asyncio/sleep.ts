/**
 * `asyncio.sleep`. It runs more than anything else in the runtime (a
 * million times in a benchmark), so it is a hand-written state machine
 * rather than a generator, its timer sets its future directly, and the
 * timeline's label ("sleep 1 s") is only formatted when someone reads it.
 * Its behaviour is CPython's `sleep` line for line:
 *
 *     if delay <= 0: await __sleep0(); return result
 *     if isnan(delay): raise ValueError(...)
 *     future = loop.create_future()
 *     h = loop.call_later(delay, _set_result_unless_cancelled, future, result)
 *     try: return await future
 *     finally: h.cancel()
 */
import { sessionOf } from "../core/loop-access.ts";
import { Coroutine, type CoroutineBody, SleepZero } from "../core/coroutine.ts";
import { ValueError } from "../core/errors.ts";
import { Future } from "../core/future.ts";
import type { WaitLabel } from "../core/wait-label.ts";
import { TimerHandle } from "../core/handles.ts";
import type { EventLoop } from "../core/loop.ts";
import { pyTypeName } from "../core/repr.ts";
import { sleepLabel } from "../core/labels.ts";
import { getRunningLoop } from "./running.ts";

/** The future a sleeping task waits on. */
class SleepFuture<T> extends Future<T> {
  readonly delay: number;
  constructor(loop: EventLoop, delay: number) {
    super(loop);
    this.delay = delay;
  }
  override _waitLabel(): WaitLabel {
    return { kind: "sleep", text: sleepLabel(this.delay), target: 0 };
  }
  override _waitTarget(): number {
    return 0;
  }
  override _sleepSeconds(): number {
    return this.delay;
  }
}

/** The timer of a sleep: when it fires, the future gets its result (unless cancelled). */
class SleepTimer<T> extends TimerHandle {
  readonly future: SleepFuture<T>;
  readonly result: T;
  constructor(loop: EventLoop, when: number, future: SleepFuture<T>, result: T) {
    super(when, loop._nextTimerSeq(), noop, NO_ARGS, sessionOf(loop).cursor.l, loop, "");
    this.future = future;
    this.result = result;
  }
  override _run(): void {
    if (!this.future.cancelled()) this.future.setResult(this.result);
  }
  override labelText(): string {
    return sleepLabel(this.future.delay);
  }
  override _sleepSeconds(): number {
    return this.future.delay;
  }
}

const noop = () => undefined;
const NO_ARGS: readonly unknown[] = [];
const START = 0;
const WAITING = 1;
const DONE = 2;

/** Python's `sleep` coroutine for a delay that is not ≤ 0 (`SleepZero` is the other), as a state machine (see the module comment). */
class SleepCoroutine<T> extends Coroutine<T> implements CoroutineBody<T> {
  private step = START;
  private readonly delay: number;
  private readonly result: T;
  private timer: SleepTimer<T> | null = null;

  constructor(delay: number, result: T) {
    super(null, "sleep");
    this.delay = delay;
    this.result = result;
  }

  next(value?: unknown): IteratorResult<unknown, T> {
    switch (this.step) {
      case START: {
        const delay = this.delay;
        if (typeof delay !== "number") {
          this.step = DONE;
          throw new TypeError(`'<=' not supported between instances of '${pyTypeName(delay)}' and 'int'`);
        }
        if (Number.isNaN(delay)) {
          this.step = DONE;
          throw new ValueError("Invalid delay: NaN (not a number)");
        }
        const loop = getRunningLoop();
        const future = new SleepFuture<T>(loop, delay);
        this.timer = new SleepTimer(loop, loop.time() + delay, future, this.result);
        loop._schedule(this.timer);
        this.step = WAITING;
        return { done: false, value: future };
      }
      case WAITING:
        this.finish();
        return { done: true, value: value as T };
      default:
        return { done: true, value: undefined as T };
    }
  }

  throw(error: unknown): IteratorResult<unknown, T> {
    this.finish();
    throw error;
  }

  return(value: T): IteratorResult<unknown, T> {
    this.finish();
    return { done: true, value };
  }

  /** The `finally: h.cancel()`. */
  private finish(): void {
    this.step = DONE;
    this.timer?.cancel();
    this.timer = null;
  }
}

/**
 * Python's `asyncio.sleep(delay, result)`: suspends the current task for
 * `delay` seconds of loop time and returns `result`. `sleep(0)` (or any
 * delay ≤ 0) yields exactly once: every other ready task runs first.
 * A `NaN` delay raises `ValueError`. Forgetting `await` does nothing at
 * all (and earns "coroutine 'sleep' was never awaited").
 * @example
 * await asyncio.sleep(1);           // one second of virtual time
 * const x = await asyncio.sleep(0.5, "done");
 */
export function sleep<T = undefined>(delay: number, result?: T): Coroutine<T> {
  if (typeof delay === "number" && delay <= 0) return new SleepZero(result as T);
  return new SleepCoroutine(delay, result as T);
}
