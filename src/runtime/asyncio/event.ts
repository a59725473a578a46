/**
 * Python's `asyncio.Event` (`locks.py`). The fine print is CPython's and
 * observable: `set()` wakes every current waiter, even if `clear()` follows
 * before they run.
 */
import { Coroutine } from "../core/coroutine.ts";
import { WaitQueue } from "../core/wait-queue.ts";
import { locksRepr, Primitive } from "./primitive.ts";

/**
 * Python's `asyncio.Event`: tasks wait until some task calls `set()`.
 * @example
 * const ready = new asyncio.Event();
 * // in one task:  await ready.wait();
 * // in another:   ready.set();
 */
export class Event extends Primitive {
  // Invariant: while `_flag` is true no waiter is pending (`set()` wakes
  // them all, `wait()` returns at once). Woken waiters stay queued until
  // their task runs and removes them.
  private _flag = false;
  /** @internal Tasks in `wait()`. */
  readonly _waiters = new WaitQueue();
  /** @internal What a waiter waits on, as the timeline says it (a queue's `join()` waits on an Event). */
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
    yield* this._waitIn(this._waiters, fut);
    return true;
  }

  /** @internal */ get _label(): string {
    return "Event";
  }
  /** @internal 1 while set. */ get _value(): number {
    return this._flag ? 1 : 0;
  }
  /** @internal */ get _kind(): string {
    return "event";
  }
  /** @internal */ get _waiting(): number {
    return this._waiters.size;
  }

  /** Python's repr: `<asyncio.locks.Event object [unset, waiters:1]>`. */
  __repr__(): string {
    return locksRepr("Event", this._flag ? "set" : "unset", this._waiters.size);
  }
}
