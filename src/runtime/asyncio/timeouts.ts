/**
 * `asyncio.timeout()` / `timeout_at()` (Python's `timeouts.py`): at the
 * deadline the enclosing task is cancelled, and the context manager that
 * set that deadline turns the `CancelledError` into `TimeoutError` when the
 * block exits. `cancelling()`/`uncancel()` tell its own cancellation from
 * anybody else's, so nested timeouts convert only their own.
 */
import { Coroutine } from "../core/coroutine.ts";
import { BaseException, CancelledError, ExceptionGroup, RuntimeError, TimeoutError } from "../core/errors.ts";
import type { Handle } from "../core/handles.ts";
import type { Task } from "../core/task.ts";
import { formatSeconds } from "../core/labels.ts";
import { currentTask, getRunningLoop } from "./running.ts";

const State = { Created: "created", Entered: "active", Expiring: "expiring", Expired: "expired", Exited: "finished" } as const;
type State = (typeof State)[keyof typeof State];

/**
 * Python's `asyncio.Timeout`, the context manager `asyncio.timeout()`
 * returns. In a snippet: `await using t = asyncio.timeout(2);` at the top
 * of a block (Python: `async with asyncio.timeout(2) as t:`).
 */
export class Timeout {
  private _state: State = State.Created;
  private _handler: Handle | null = null;
  private _task: Task | null = null;
  private _cancelling = 0;

  private _when: number | null;

  /** Python's `asyncio.Timeout(when)`: a deadline in loop time, or `null` for none (usually made by `timeout()` / `timeoutAt()`). */
  constructor(when: number | null) {
    this._when = when;
  }

  /** Python's `Timeout.when()`: the deadline in loop time, or `null`. */
  when(): number | null {
    return this._when;
  }

  /** Python's `Timeout.reschedule(when)`: moves the deadline (`null` disables it). */
  reschedule(when: number | null): void {
    if (this._state !== State.Entered) {
      if (this._state === State.Created) throw new RuntimeError("Timeout has not been entered");
      throw new RuntimeError(`Cannot change state of ${this._state} Timeout`);
    }
    this._when = when;
    this._handler?.cancel();
    if (when === null) {
      this._handler = null;
    } else {
      const loop = getRunningLoop();
      this._handler =
        when <= loop.time() ? loop.callSoon(this._onTimeout) : loop._timer(when, this._onTimeout, [], `timeout ${formatSeconds(when - loop.time())}`);
    }
  }

  /** Python's `Timeout.expired()`: true once the deadline fired. */
  expired(): boolean {
    return this._state === State.Expiring || this._state === State.Expired;
  }

  /** @internal `async with` entry. */
  __aenter__(): Coroutine<this> {
    return new Coroutine(this._enter(), "Timeout.__aenter__");
  }

  /** @internal `async with` exit: converts its own cancellation into `TimeoutError`. */
  __aexit__(hasError: boolean, error: unknown): Coroutine<boolean> {
    return new Coroutine(this._exit(hasError, error), "Timeout.__aexit__");
  }

  /** Lets TypeScript accept `await using`; the snippet pipeline calls `__aexit__` instead, passing the block's error. */
  [Symbol.asyncDispose](): PromiseLike<void> {
    return this.__aexit__(false, undefined) as PromiseLike<unknown> as PromiseLike<void>;
  }

  private *_enter(): Generator<unknown, this, unknown> {
    if (this._state !== State.Created) throw new RuntimeError("Timeout has already been entered");
    const task = currentTask();
    if (task === null) throw new RuntimeError("Timeout should be used inside a task");
    this._state = State.Entered;
    this._task = task;
    this._cancelling = task.cancelling();
    this.reschedule(this._when);
    return this;
  }

  private *_exit(hasError: boolean, error: unknown): Generator<unknown, boolean, unknown> {
    if (this._handler !== null) {
      this._handler.cancel();
      this._handler = null;
    }
    if (this._state === State.Expiring) {
      this._state = State.Expired;
      if ((this._task as Task).uncancel() <= this._cancelling && hasError) {
        if (error instanceof CancelledError) {
          const te = new TimeoutError();
          te.__cause__ = te.__context__ = error;
          throw te;
        }
        if (error !== null && error !== undefined) {
          insertTimeoutError(error);
          if (error instanceof ExceptionGroup) for (const exc of error.exceptions) insertTimeoutError(exc);
        }
      }
    } else if (this._state === State.Entered) {
      this._state = State.Exited;
    }
    return false;
  }

  private _onTimeout = (): void => {
    (this._task as Task).cancel();
    this._state = State.Expiring;
    this._handler = null;
  };

  /** Python's repr: `<Timeout [active] when=1.5>`. */
  __repr__(): string {
    const when = this._state === State.Entered ? ` when=${this._when === null ? "None" : Math.round(this._when * 1000) / 1000}` : "";
    return `<Timeout [${this._state}]${when}>`;
  }
}

/**
 * Python's `Timeout._insert_timeout_error` (3.12): when the block turned
 * the timeout's `CancelledError` into another exception, a `TimeoutError`
 * is spliced into that exception's `__context__` chain, just before the
 * `CancelledError`, so a traceback still says the deadline was hit.
 */
function insertTimeoutError(exc: unknown): void {
  for (let e = exc; contextOf(e) !== null; e = contextOf(e)) {
    const ctx = contextOf(e);
    if (ctx instanceof CancelledError) {
      const te = new TimeoutError();
      te.__context__ = te.__cause__ = ctx;
      (e as BaseException).__context__ = te;
      break;
    }
  }
}

/** An exception's `__context__`, `null` for values that have none (a plain JavaScript error). */
function contextOf(e: unknown): unknown {
  return e instanceof BaseException ? e.__context__ : null;
}

/**
 * Python's `asyncio.timeout(delay)`: a context manager that cancels the
 * block's work after `delay` seconds and raises `TimeoutError` (`null`
 * means no deadline).
 * @example
 * try {
 *   await using _ = asyncio.timeout(1.5);
 *   await asyncio.sleep(10);
 * } catch (e) {
 *   if (e instanceof TimeoutError) print("gave up after 1.5 s");
 * }
 */
export function timeout(delay: number | null): Timeout {
  const loop = getRunningLoop();
  return new Timeout(delay === null || delay === undefined ? null : loop.time() + delay);
}

/** Python's `asyncio.timeout_at(when)`: like `timeout`, with an absolute `loop.time()` deadline. */
export function timeoutAt(when: number | null): Timeout {
  return new Timeout(when ?? null);
}
