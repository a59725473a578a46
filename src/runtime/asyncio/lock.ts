/**
 * Python's `asyncio.Lock` (`locks.py`). Its fine print is CPython's and
 * observable: `release()` wakes the first waiter but leaves the lock
 * unlocked until that waiter runs; `locked()` is then false, yet a newcomer
 * still queues behind the woken waiter.
 */
import type { Coroutine } from "../core/coroutine.ts";
import { CancelledError, RuntimeError } from "../core/errors.ts";
import { AcquireCoroutine, AcquireRelease } from "./acquire.ts";
import { locksRepr } from "./primitive.ts";

/**
 * Python's `asyncio.Lock`: one task at a time. Waiters get it in FIFO order.
 * Releasing a lock nobody holds raises `RuntimeError('Lock is not acquired.')`.
 * @example
 * const lock = new asyncio.Lock();
 * {
 *   await using _ = lock;     // Python: async with lock:
 *   balance += 1;
 * }
 */
export class Lock extends AcquireRelease {
  // Invariant (with `_waiters`): at most one waiter is woken and not yet
  // running, the first in the queue; from `release()` until it runs,
  // `_locked` is false, and `acquire()` still waits behind it because a
  // woken waiter is not a cancelled one.
  private _locked = false;

  /** Python's `Lock.locked()`: true while a task holds the lock. */
  locked(): boolean {
    return this._locked;
  }

  /** Python's `await lock.acquire()`: waits until the lock is free, then takes it; returns true. */
  acquire(): Coroutine<boolean> {
    return new AcquireCoroutine(this, true, "Lock.acquire");
  }

  /** Python's `Lock.release()`; `RuntimeError('Lock is not acquired.')` if it is not locked. */
  release(): void {
    if (!this._locked) throw new RuntimeError("Lock is not acquired.");
    this._locked = false;
    this._wakeUpFirst();
    this._changed();
  }

  /** @internal */
  _acquireNow(): boolean {
    if (this._locked || !this._waiters.allCancelled()) return false;
    this._locked = true;
    this._changed();
    return true;
  }

  /** @internal Woken: take the lock. Cancelled while the lock is free: pass the wake-up on. */
  _afterWait(outcome: "ok" | "error" | "closed", error: unknown): void {
    if (outcome === "ok") {
      this._locked = true;
      this._changed();
    } else if (outcome === "error" && error instanceof CancelledError && !this._locked) {
      this._wakeUpFirst();
    }
  }

  private _wakeUpFirst(): void {
    const fut = this._waiters.first();
    if (fut !== null && !fut.done()) fut.setResult(true);
  }

  /** @internal */ get _waitText(): string {
    return "Lock";
  }
  /** @internal */ get _label(): string {
    return "Lock";
  }
  /** @internal 1 while free. */ get _value(): number {
    return this._locked ? 0 : 1;
  }
  /** @internal */ get _kind(): string {
    return "lock";
  }
  /** @internal */ get _reprName(): string {
    return "Lock";
  }

  /** Python's repr: `<asyncio.locks.Lock object [locked, waiters:2]>`. */
  __repr__(): string {
    return locksRepr("Lock", this._locked ? "locked" : "unlocked", this._waiters.size);
  }
}
