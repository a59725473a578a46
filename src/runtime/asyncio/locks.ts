/**
 * Synchronization primitives (Python's `locks.py`): `Lock`, `Event`,
 * `Condition`, `Semaphore`, `BoundedSemaphore`, all on the one fair
 * `WaitQueue`. Their fine print is CPython's and observable:
 *
 * - `Lock.release()` wakes the first waiter but leaves the lock unlocked
 *   until that waiter runs; `locked()` is then false, yet a newcomer still
 *   queues behind the woken waiter.
 * - `Semaphore.release()` hands its unit straight to the first waiter, so
 *   `locked()` stays true. A plain `Semaphore` may be released above its
 *   initial value; a `BoundedSemaphore` raises `ValueError`.
 * - `Event.set()` wakes every current waiter, even if `clear()` follows.
 *
 * In a snippet, Python's `async with sem:` is `await using _ = sem;` at the
 * top of a block: acquired there, released when the block exits.
 */
import { Coroutine, type CoroutineBody } from "../core/coroutine.ts";
import { CancelledError, RuntimeError, ValueError } from "../core/errors.ts";
import type { Future, WaitLabel } from "../core/future.ts";
import { currentSession } from "../core/session.ts";
import { type WaitNode, WaitQueue } from "../core/wait-queue.ts";
import { getRunningLoop } from "./running.ts";

/** What every primitive shares: an id on the timeline and a waiting queue. */
abstract class Primitive {
  /** @internal The session it was made in (its hooks; the running loop). */
  readonly _session = currentSession();
  /** @internal Trace id. */
  readonly _id = this._session.nextId();
  /** @internal */ readonly _waiters = new WaitQueue();
  /** @internal Waiter labels, by what is waited on (built once, shared by every waiter). */
  private readonly _labels = new Map<string, WaitLabel>();

  /** @internal Label shown on the timeline, e.g. "Semaphore(3)". */
  abstract get _label(): string;
  /** @internal Number shown on the primitive's lane (free permits, 0/1...). */
  abstract get _value(): number;

  /** @internal Tasks waiting on it. */
  get _waiting(): number {
    return this._waiters.size;
  }

  /** @internal A future to wait on, labelled for the timeline. */
  _newWaiter(what: string): Future<any> {
    const fut = getRunningLoop().createFuture();
    let label = this._labels.get(what);
    if (label === undefined) this._labels.set(what, (label = { kind: this._kind, text: what, target: this._id }));
    fut._label = label;
    return fut;
  }

  abstract get _kind(): string;

  /** @internal The words in brackets of Python's repr: "locked", "unlocked, value:2"... */
  protected abstract _reprState(): string;

  /** Python's repr: `<asyncio.locks.Lock object [locked, waiters:2]>`. */
  __repr__(): string {
    const n = this._waiters.size;
    return `<asyncio.locks.${this._reprName} object [${this._reprState()}${n ? `, waiters:${n}` : ""}]>`;
  }

  /** @internal The class name in repr (classes are renamed by minifiers, so not `constructor.name`). */
  protected abstract get _reprName(): string;

  /** @internal Reports the current state to the trace. */
  _changed(): void {
    const h = this._session.hooks.primitiveChanged;
    if (h !== undefined) h.primitiveChanged(this);
  }
}

/** The `async with` protocol of locks and semaphores: acquire on entry, release on exit. */
export abstract class AcquireRelease extends Primitive {
  abstract acquire(): Coroutine<boolean>;
  abstract release(): void;
  /**
   * @internal Takes the primitive at once if `acquire()` would not wait
   * (its own fast path, same condition); `async with` then needs no
   * coroutine at all.
   */
  abstract _acquireNow(): boolean;

  /**
   * @internal The end of a waiting `acquire()`, after its waiter left the
   * queue: `ok` when woken, `error` when an exception (cancellation) was
   * thrown in, `closed` when the coroutine was closed. Each primitive does
   * what CPython's `except`/`finally` clauses do there.
   */
  abstract _afterWait(outcome: "ok" | "error" | "closed", error: unknown, waiter: Future<any>): void;

  /** @internal What a waiter waits on, as the timeline says it. */
  abstract get _waitText(): string;

  /** @internal `async with` entry: `await this.acquire()`, binding `None`. */
  __aenter__(): Coroutine<null> {
    return new AcquireCoroutine(this, null, "__aenter__");
  }

  /** @internal `async with` exit: `this.release()`. */
  __aexit__(): Coroutine<boolean> {
    const self = this;
    return new Coroutine(
      (function* () {
        self.release();
        return false;
      })(),
      `${this._reprName}.__aexit__`,
    );
  }

  /** Lets TypeScript accept `await using`; the snippet pipeline calls `__aexit__` instead, passing the block's error. */
  [Symbol.asyncDispose](): PromiseLike<void> {
    return this.__aexit__() as PromiseLike<unknown> as PromiseLike<void>;
  }
}

const START = 0;
const WAITING = 1;
const DONE = 2;

/**
 * `await prim.acquire()` as a state machine rather than a generator: in a
 * queue of 20,000 tasks waiting on a semaphore, a generator per waiter is
 * the heaviest thing alive. Its steps are CPython's `acquire()`:
 *
 *     if <free>: take it; return True
 *     fut = create_future(); waiters.append(fut)
 *     try: try: await fut  finally: waiters.remove(fut)
 *     except/finally: <the primitive's clean-up> (_afterWait)
 */
class AcquireCoroutine<R> extends Coroutine<R> implements CoroutineBody<R>, WaitNode {
  private step = START;
  /** @internal WaitNode: the future this acquire waits on (set when it starts waiting). */
  waiter!: Future<any>;
  /** @internal WaitNode */ prevNode: WaitNode | null = null;
  /** @internal WaitNode */ nextNode: WaitNode | null = null;
  /** @internal WaitNode */ queued = false;
  private readonly prim: AcquireRelease;
  private readonly result: R;

  constructor(prim: AcquireRelease, result: R, qualname: string) {
    super(null, qualname);
    this.prim = prim;
    this.result = result;
  }

  next(): IteratorResult<unknown, R> {
    if (this.step === START) {
      if (this.prim._acquireNow()) {
        this.step = DONE;
        return { done: true, value: this.result };
      }
      const fut = this.prim._newWaiter(this.prim._waitText);
      this.waiter = fut;
      this.prim._waiters.append(this);
      this.prim._changed();
      this.step = WAITING;
      return { done: false, value: fut };
    }
    if (this.step === WAITING) this.leave("ok", undefined);
    return { done: true, value: this.result };
  }

  throw(error: unknown): IteratorResult<unknown, R> {
    if (this.step === WAITING) this.leave("error", error);
    this.step = DONE;
    throw error;
  }

  return(value: R): IteratorResult<unknown, R> {
    if (this.step === WAITING) this.leave("closed", undefined);
    this.step = DONE;
    return { done: true, value };
  }

  private leave(outcome: "ok" | "error" | "closed", error: unknown): void {
    this.step = DONE;
    this.prim._waiters.remove(this);
    this.prim._afterWait(outcome, error, this.waiter);
  }
}

/**
 * Python's `asyncio.Lock`: one task at a time. Waiters get it in FIFO order.
 * @example
 * const lock = new asyncio.Lock();
 * {
 *   await using _ = lock;     // Python: async with lock:
 *   balance += 1;
 * }
 */
export class Lock extends AcquireRelease {
  private _locked = false;

  /** Python's `Lock.locked()`. */
  locked(): boolean {
    return this._locked;
  }

  /** Python's `await lock.acquire()`: waits until the lock is free, then takes it. */
  acquire(): Coroutine<boolean> {
    return new AcquireCoroutine(this, true, "Lock.acquire");
  }

  get _waitText(): string {
    return "Lock";
  }

  _afterWait(outcome: "ok" | "error" | "closed", error: unknown): void {
    if (outcome === "ok") {
      this._locked = true;
      this._changed();
    } else if (outcome === "error" && error instanceof CancelledError && !this._locked) {
      this._wakeUpFirst();
    }
  }

  _acquireNow(): boolean {
    if (this._locked || !this._waiters.allCancelled()) return false;
    this._locked = true;
    this._changed();
    return true;
  }

  /** Python's `Lock.release()`; `RuntimeError('Lock is not acquired.')` if it is not locked. */
  release(): void {
    if (!this._locked) throw new RuntimeError("Lock is not acquired.");
    this._locked = false;
    this._wakeUpFirst();
    this._changed();
  }

  private _wakeUpFirst(): void {
    const fut = this._waiters.first();
    if (fut !== null && !fut.done()) fut.setResult(true);
  }

  get _label(): string {
    return "Lock";
  }
  get _value(): number {
    return this._locked ? 0 : 1;
  }
  get _kind(): string {
    return "lock";
  }

  protected _reprState(): string {
    return this._locked ? "locked" : "unlocked";
  }
  protected get _reprName(): string {
    return "Lock";
  }
}

/**
 * Python's `asyncio.Event`: tasks wait until some task calls `set()`.
 * @example
 * const ready = new asyncio.Event();
 * // in one task:  await ready.wait();
 * // in another:   ready.set();
 */
export class Event extends Primitive {
  private _flag = false;
  /** @internal What a waiter waits on, as the timeline says it (a queue's join() uses an Event). */
  _waitText = "Event";

  /** Python's `Event.is_set()`. */
  isSet(): boolean {
    return this._flag;
  }

  /** Python's `Event.set()`: wakes every waiting task. */
  set(): void {
    if (this._flag) return;
    this._flag = true;
    for (const fut of this._waiters) if (!fut.done()) fut.setResult(true);
    this._changed();
  }

  /** Python's `Event.clear()`: later `wait()` calls block again. */
  clear(): void {
    this._flag = false;
    this._changed();
  }

  /** Python's `await event.wait()`: returns true at once if set, else waits for `set()`. */
  wait(): Coroutine<true> {
    return new Coroutine(this._wait(), "Event.wait");
  }

  private *_wait(): Generator<unknown, true, unknown> {
    if (this._flag) return true;
    const fut = this._newWaiter(this._waitText);
    const node = this._waiters.push(fut);
    this._changed();
    try {
      yield fut;
      return true;
    } finally {
      this._waiters.remove(node);
      this._changed();
    }
  }

  get _label(): string {
    return "Event";
  }
  get _value(): number {
    return this._flag ? 1 : 0;
  }
  get _kind(): string {
    return "event";
  }

  protected _reprState(): string {
    return this._flag ? "set" : "unset";
  }
  protected get _reprName(): string {
    return "Event";
  }
}

/**
 * Python's `asyncio.Condition`: wait until notified, holding a lock.
 * `notifyAll()` wakes every waiter; they then re-acquire the lock one at a time.
 * @example
 * const cond = new asyncio.Condition();
 * { await using _ = cond; while (!ready) await cond.wait(); }
 */
export class Condition extends AcquireRelease {
  private readonly _lock: Lock;

  constructor(lock: Lock | null = null) {
    super();
    this._lock = lock ?? new Lock();
  }

  /** Python's `Condition.locked()`. */
  locked(): boolean {
    return this._lock.locked();
  }

  /** Python's `await cond.acquire()`. */
  acquire(): Coroutine<boolean> {
    return this._lock.acquire();
  }

  _acquireNow(): boolean {
    return this._lock._acquireNow();
  }

  _afterWait(): void {
    throw new Error("unreachable: a Condition acquires through its lock");
  }

  get _waitText(): string {
    return "Condition";
  }

  /** Python's `cond.release()`. */
  release(): void {
    this._lock.release();
  }

  /** Python's `await cond.wait()`: releases the lock, waits for a notify, re-acquires. */
  wait(): Coroutine<boolean> {
    return new Coroutine(this._wait(), "Condition.wait");
  }

  private *_wait(): Generator<unknown, boolean, unknown> {
    if (!this.locked()) throw new RuntimeError("cannot wait on un-acquired lock");
    const fut = this._newWaiter("Condition");
    this.release();
    try {
      try {
        const node = this._waiters.push(fut);
        this._changed();
        try {
          yield fut;
          return true;
        } finally {
          this._waiters.remove(node);
          this._changed();
        }
      } finally {
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

  /** Python's `cond.notify_all()`. */
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

  get _label(): string {
    return "Condition";
  }
  get _value(): number {
    return this.locked() ? 0 : 1;
  }
  get _kind(): string {
    return "condition";
  }

  protected _reprState(): string {
    return this.locked() ? "locked" : "unlocked";
  }
  protected get _reprName(): string {
    return "Condition";
  }
}

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
  /** @internal */ _permits: number;
  /** @internal The value it was created with (for labels). */
  protected readonly _initial: number;

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

  /** Python's `await sem.acquire()`: takes a permit, waiting if none is free. */
  acquire(): Coroutine<boolean> {
    return new AcquireCoroutine(this, true, "Semaphore.acquire");
  }

  get _waitText(): string {
    return (this._waitTextCache ??= this._label);
  }
  private _waitTextCache: string | null = null;

  _afterWait(outcome: "ok" | "error" | "closed", error: unknown, waiter: Future<any>): void {
    if (outcome === "error" && error instanceof CancelledError && waiter.done() && !waiter.cancelled()) this._permits += 1;
    while (this._permits > 0) if (!this._wakeUpNext()) break;
    this._changed();
  }

  _acquireNow(): boolean {
    if (this.locked()) return false;
    this._permits -= 1;
    this._changed();
    return true;
  }

  /** Python's `sem.release()`: returns a permit, waking the first waiter. */
  release(): void {
    this._permits += 1;
    this._wakeUpNext();
    this._changed();
  }

  private _wakeUpNext(): boolean {
    const fut = this._waiters.firstPending();
    if (fut === null) return false;
    this._permits -= 1;
    fut.setResult(true);
    return true;
  }

  get _label(): string {
    return `${this._reprName}(${this._initial})`;
  }
  get _value(): number {
    return this._permits;
  }
  get _kind(): string {
    return "semaphore";
  }

  protected _reprState(): string {
    return this.locked() ? "locked" : `unlocked, value:${this._permits}`;
  }
  protected get _reprName(): string {
    return this instanceof BoundedSemaphore ? "BoundedSemaphore" : "Semaphore";
  }
}

/**
 * Python's `asyncio.BoundedSemaphore`: a semaphore that raises
 * `ValueError('BoundedSemaphore released too many times')` if released
 * more often than acquired.
 */
export class BoundedSemaphore extends Semaphore {
  override release(): void {
    if (this._permits >= this._initial) throw new ValueError("BoundedSemaphore released too many times");
    super.release();
  }
}
