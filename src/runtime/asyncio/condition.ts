/**
 * Python's `asyncio.Condition` (`locks.py`): a lock, and a queue of tasks
 * waiting to be notified. It wraps a `Lock` rather than being one: entering
 * `async with cond`, `acquire()`, `release()` and `locked()` are its lock's
 * (Python binds them to the lock's methods), and the condition itself only
 * adds `wait()` and `notify()`.
 */
import { Coroutine } from "../core/coroutine.ts";
import { CancelledError, RuntimeError } from "../core/errors.ts";
import { WaitQueue } from "../core/wait-queue.ts";
import { Lock } from "./lock.ts";
import { locksRepr, Primitive } from "./primitive.ts";

/**
 * Python's `asyncio.Condition(lock=None)`: wait until notified, holding a
 * lock. `notifyAll()` wakes every waiter; they then re-acquire the lock one
 * at a time. Waiting or notifying without holding the lock raises
 * `RuntimeError`.
 * @example
 * const cond = new asyncio.Condition();
 * { await using _ = cond; while (!ready) await cond.wait(); }
 */
export class Condition extends Primitive {
  /** @internal The lock it wraps (made here unless given; its trace id comes after the condition's). */
  readonly _lock: Lock;
  // Invariant: a task waiting in `wait()` does not hold the lock, and holds
  // it again before `wait()` returns or raises (even when cancelled).
  // `notify()` wakes waiters in FIFO order; a woken waiter stays queued
  // until its task runs and removes it.
  /** @internal Tasks in `wait()`. */
  readonly _waiters = new WaitQueue();

  /** A condition over `lock`, or over a new `Lock` of its own. */
  constructor(lock: Lock | null = null) {
    super();
    this._lock = lock ?? new Lock();
  }

  /** Python's `Condition.locked()`: its lock is held. */
  locked(): boolean {
    return this._lock.locked();
  }

  /** Python's `await cond.acquire()`: acquires its lock. */
  acquire(): Coroutine<boolean> {
    return this._lock.acquire();
  }

  /** Python's `cond.release()`: releases its lock. */
  release(): void {
    this._lock.release();
  }

  /** Python's `await cond.wait()`: releases the lock, waits for a notify, re-acquires; returns true. */
  wait(): Coroutine<boolean> {
    return new Coroutine(this._wait(), "Condition.wait");
  }

  private *_wait(): Generator<unknown, boolean, unknown> {
    if (!this.locked()) throw new RuntimeError("cannot wait on un-acquired lock");
    const fut = this._newWaiter("Condition");
    this.release();
    try {
      try {
        yield* this._waitIn(this._waiters, fut);
        return true;
      } finally {
        // Re-acquire the lock even if the wait was cancelled (and however often).
        let err: unknown = null;
        for (;;) {
          try {
            yield this.acquire();
            break;
          } catch (e) {
            if (!(e instanceof CancelledError)) throw e;
            err = e;
          }
        }
        if (err !== null) throw err;
      }
    } catch (e) {
      // Leaving by an exception must not swallow a notify meant for this task: pass it on, as current CPython does.
      this._notify(1);
      throw e;
    }
  }

  /** Python's `await cond.wait_for(predicate)`: waits until `predicate()` is truthy; returns its value. */
  waitFor<T>(predicate: () => T): Coroutine<T> {
    const self = this;
    return new Coroutine(
      (function* () {
        let result = predicate();
        while (!result) {
          yield self.wait();
          result = predicate();
        }
        return result;
      })(),
      "Condition.wait_for",
    );
  }

  /** Python's `cond.notify(n=1)`: wakes up to `n` waiters (the lock must be held). */
  notify(n = 1): void {
    if (!this.locked()) throw new RuntimeError("cannot notify on un-acquired lock");
    this._notify(n);
  }

  /** Python's `cond.notify_all()`: wakes every waiter (the lock must be held). */
  notifyAll(): void {
    this.notify(this._waiters.size);
  }

  private _notify(n: number): void {
    let idx = 0;
    for (const fut of this._waiters) {
      if (idx >= n) break;
      if (!fut.done()) {
        idx += 1;
        fut.setResult(false);
      }
    }
  }

  /** @internal `async with` entry: its lock's. */
  __aenter__(): Coroutine<null> {
    return this._lock.__aenter__();
  }

  /** @internal `async with` exit: its lock's. */
  __aexit__(): Coroutine<boolean> {
    return this._lock.__aexit__();
  }

  /** Lets TypeScript accept `await using`; the snippet pipeline calls `__aexit__` instead, passing the block's error. */
  [Symbol.asyncDispose](): PromiseLike<void> {
    return this.__aexit__() as PromiseLike<unknown> as PromiseLike<void>;
  }

  /** @internal */ get _label(): string {
    return "Condition";
  }
  /** @internal 1 while its lock is free. */ get _value(): number {
    return this.locked() ? 0 : 1;
  }
  /** @internal */ get _kind(): string {
    return "condition";
  }
  /** @internal Tasks in `wait()`. */ get _waiting(): number {
    return this._waiters.size;
  }

  /** Python's repr: `<asyncio.locks.Condition object [locked, waiters:1]>`. */
  __repr__(): string {
    return locksRepr("Condition", this.locked() ? "locked" : "unlocked", this._waiters.size);
  }
}
