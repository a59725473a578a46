/**
 * Acquiring a lock or a semaphore: `await prim.acquire()` and `async with`.
 *
 * In a snippet, Python's `async with sem:` is `await using _ = sem;` at the
 * top of a block: acquired there, released when the block exits
 * (`with.ts`). A free primitive is taken without a coroutine at all; a busy
 * one makes the task wait in its queue.
 */
import { Coroutine, type CoroutineBody } from "../core/coroutine.ts";
import type { Future } from "../core/future.ts";
import { type WaitNode, WaitQueue } from "../core/wait-queue.ts";
import { Primitive } from "./primitive.ts";

/**
 * What a lock and a semaphore share: `acquire()` waits in a queue of
 * acquirers, `release()` lets one in, and `async with` is acquire on entry,
 * release on exit. Each says when it can be taken at once (`_acquireNow`)
 * and what a waiter does when its wait ends (`_afterWait`).
 */
export abstract class AcquireRelease extends Primitive {
  /** @internal Tasks waiting in `acquire()`, in FIFO order (the invariant is each primitive's). */
  readonly _waiters = new WaitQueue();

  /** Waits until the primitive can be taken, then takes it; returns true. */
  abstract acquire(): Coroutine<boolean>;
  /** Gives the primitive back, letting the first waiter in. */
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

  /** @internal The class name in repr and qualnames (classes are renamed by minifiers, so not `constructor.name`). */
  abstract get _reprName(): string;

  /** @internal Tasks waiting to acquire it. */
  get _waiting(): number {
    return this._waiters.size;
  }

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
export class AcquireCoroutine<R> extends Coroutine<R> implements CoroutineBody<R>, WaitNode {
  private step = START;
  /** @internal WaitNode: the future this acquire waits on (set when it starts waiting). */
  waiter!: Future<any>;
  /** @internal WaitNode */ prevNode: WaitNode | null = null;
  /** @internal WaitNode */ nextNode: WaitNode | null = null;
  /** @internal WaitNode */ queued = false;
  private readonly prim: AcquireRelease;
  private readonly result: R;

  /** `await prim.acquire()` (result true) or `async with prim` (result null). */
  constructor(prim: AcquireRelease, result: R, qualname: string) {
    super(null, qualname);
    this.prim = prim;
    this.result = result;
  }

  /** @internal Takes the primitive at once if free; else waits (yields the waiter), then finishes the wait. */
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

  /** @internal Cancelled (or another error) while waiting: leaves the queue, lets the primitive clean up, re-raises. */
  throw(error: unknown): IteratorResult<unknown, R> {
    if (this.step === WAITING) this.leave("error", error);
    this.step = DONE;
    throw error;
  }

  /** @internal Closed while waiting: leaves the queue. */
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
