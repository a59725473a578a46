/**
 * Python's `asyncio.Semaphore` and `BoundedSemaphore` (`locks.py`). The
 * fine print is CPython's and observable: `release()` hands its permit
 * straight to the first waiter, so `locked()` stays true; a plain
 * `Semaphore` may be released above its initial value, a
 * `BoundedSemaphore` raises `ValueError`.
 */
import type { Coroutine } from "../core/coroutine.ts";
import { CancelledError, ValueError } from "../core/errors.ts";
import type { Future } from "../core/future.ts";
import { AcquireCoroutine, AcquireRelease } from "./acquire.ts";
import { locksRepr } from "./primitive.ts";

/**
 * Python's `asyncio.Semaphore(value=1)`: at most `value` holders at once;
 * the rest wait in FIFO order. `Semaphore(-1)` raises `ValueError`.
 * @example
 * const sem = new asyncio.Semaphore(3);
 * async function limited(url: string) {
 *   await using _ = sem;          // Python: async with sem:
 *   return await fetch(url);       // at most 3 of these at a time
 * }
 */
export class Semaphore extends AcquireRelease {
  // Invariant (with `_waiters`): `_permits > 0` implies no waiter is
  // pending. A release hands its permit straight to the first pending
  // waiter (its future done with true) and counts it out of `_permits`
  // there, so a woken waiter holds a permit before its task even runs.
  /** @internal Free permits (Python's `_value`). */
  _permits: number;
  /** @internal The value it was created with (for labels and the bound). */
  protected readonly _initial: number;
  private _waitTextCache: string | null = null;

  /** `new asyncio.Semaphore(3)`: three holders at once. A negative value raises `ValueError`. */
  constructor(value = 1) {
    super();
    if (typeof value !== "number" || Number.isNaN(value)) throw new TypeError(`'<' not supported between instances of '${typeof value}' and 'int'`);
    if (value < 0) throw new ValueError("Semaphore initial value must be >= 0");
    this._permits = value;
    this._initial = value;
  }

  /** Python's `Semaphore.locked()`: true when `acquire()` would wait. */
  locked(): boolean {
    return this._permits === 0 || !this._waiters.allCancelled();
  }

  /** Python's `await sem.acquire()`: takes a permit, waiting if none is free; returns true. */
  acquire(): Coroutine<boolean> {
    return new AcquireCoroutine(this, true, "Semaphore.acquire");
  }

  /** Python's `sem.release()`: returns a permit, waking the first waiter. */
  release(): void {
    this._permits += 1;
    this._wakeUpNext();
    this._changed();
  }

  /** @internal */
  _acquireNow(): boolean {
    if (this.locked()) return false;
    this._permits -= 1;
    this._changed();
    return true;
  }

  /**
   * @internal Cancelled after being handed a permit: give it back. Either
   * way, wake as many newcomers as there are free permits (they queued
   * behind this waiter, FIFO).
   */
  _afterWait(outcome: "ok" | "error" | "closed", error: unknown, waiter: Future<any>): void {
    if (outcome === "error" && error instanceof CancelledError && waiter.done() && !waiter.cancelled()) this._permits += 1;
    while (this._permits > 0) if (!this._wakeUpNext()) break;
    this._changed();
  }

  private _wakeUpNext(): boolean {
    const fut = this._waiters.firstPending();
    if (fut === null) return false;
    this._permits -= 1;
    fut.setResult(true);
    return true;
  }

  /** @internal */ get _waitText(): string {
    return (this._waitTextCache ??= this._label);
  }
  /** @internal e.g. "Semaphore(3)". */ get _label(): string {
    return `${this._reprName}(${this._initial})`;
  }
  /** @internal Free permits. */ get _value(): number {
    return this._permits;
  }
  /** @internal */ get _kind(): string {
    return "semaphore";
  }
  /** @internal */ get _reprName(): string {
    return "Semaphore";
  }

  /** Python's repr: `<asyncio.locks.Semaphore object [unlocked, value:2]>`. */
  __repr__(): string {
    return locksRepr(this._reprName, this.locked() ? "locked" : `unlocked, value:${this._permits}`, this._waiters.size);
  }
}

/**
 * Python's `asyncio.BoundedSemaphore`: a semaphore that raises
 * `ValueError('BoundedSemaphore released too many times')` if released
 * more often than acquired.
 * @example
 * const pool = new asyncio.BoundedSemaphore(2);
 * pool.release();  // ValueError: nothing was acquired
 */
export class BoundedSemaphore extends Semaphore {
  /** Python's `sem.release()`, refusing to go above the initial value. */
  override release(): void {
    if (this._permits >= this._initial) throw new ValueError("BoundedSemaphore released too many times");
    super.release();
  }

  /** @internal */ override get _reprName(): string {
    return "BoundedSemaphore";
  }
}
