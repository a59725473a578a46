/**
 * Waiting on several things, or with a deadline: `wait`, `waitFor`,
 * `asCompleted` (Python's `tasks.py`, current CPython: `wait_for` is built
 * on `timeout()` and runs a coroutine inside the caller's own task).
 */
import { Coroutine, isCoroutine } from "../core/coroutine.ts";
import { CancelledError, StopAsyncIteration, TimeoutError, ValueError } from "../core/errors.ts";
import { Future, isFuture, LabeledFuture } from "../core/future.ts";
import { setWaitTargets } from "../core/wait-label.ts";
import { withBlock } from "./with.ts";
import { Queue } from "./queues.ts";
import { awaitedVia } from "./awaited-by.ts";
import { getRunningLoop } from "./running.ts";
import { type Awaitable, ensureFuture } from "./tasks.ts";
import { timeout as timeoutCm } from "./timeouts.ts";
import { pyTypeName } from "../core/repr.ts";

/** `returnWhen` of `wait`: return as soon as any future finishes or is cancelled. */
export const FIRST_COMPLETED = "FIRST_COMPLETED";
/** `returnWhen` of `wait`: return when any future raises, or all are done. */
export const FIRST_EXCEPTION = "FIRST_EXCEPTION";
/** `returnWhen` of `wait`: return when all are done (the default). */
export const ALL_COMPLETED = "ALL_COMPLETED";

/** Options of `wait`. */
export interface WaitOptions {
  /** Seconds to wait at most; `null` waits as long as needed. Default: null. */
  timeout?: number | null;
  /** When to return. Default: `ALL_COMPLETED`. */
  returnWhen?: typeof FIRST_COMPLETED | typeof FIRST_EXCEPTION | typeof ALL_COMPLETED;
}

function releaseWaiter(waiter: Future): void {
  if (!waiter.done()) waiter.setResult(null);
}

/**
 * Python's `asyncio.wait(fs, timeout=None, return_when=ALL_COMPLETED)`:
 * waits for tasks/futures and returns `[done, pending]` (two `Set`s). It
 * never raises on timeout and never cancels anything: what is not done is
 * simply returned as pending, still running.
 * @example
 * const [done, pending] = await asyncio.wait(tasks, { returnWhen: asyncio.FIRST_COMPLETED });
 */
export function wait<F extends Future<any>>(fs: Iterable<F>, options: WaitOptions = {}): Coroutine<[Set<F>, Set<F>]> {
  return new Coroutine(waitBody(fs, options), "wait");
}

function* waitBody<F extends Future<any>>(fs: Iterable<F>, options: WaitOptions): Generator<unknown, [Set<F>, Set<F>], unknown> {
  if (isFuture(fs) || isCoroutine(fs)) throw new TypeError(`expect a list of futures, not ${pyTypeName(fs)}`);
  const list = [...fs];
  if (list.length === 0) throw new ValueError("Set of Tasks/Futures is empty.");
  const returnWhen = options.returnWhen ?? ALL_COMPLETED;
  if (returnWhen !== FIRST_COMPLETED && returnWhen !== FIRST_EXCEPTION && returnWhen !== ALL_COMPLETED) {
    throw new ValueError(`Invalid return_when value: ${String(returnWhen)}`);
  }
  const set = new Set(list);
  for (const f of set) if (isCoroutine(f)) throw new TypeError("Passing coroutines is forbidden, use tasks explicitly.");
  const loop = getRunningLoop();
  const waiter = new LabeledFuture(loop, { kind: "wait", text: `wait (${set.size} ${returnWhen.toLowerCase().replace("_", " ")})`, target: 0 });
  setWaitTargets(waiter, set);
  const timeout = options.timeout ?? null;
  const handle = timeout !== null ? loop._timer(loop.time() + timeout, releaseWaiter, [waiter], `wait timeout ${timeout} s`) : null;
  let counter = set.size;
  const onCompletion = (f: Future) => {
    counter -= 1;
    if (counter <= 0 || returnWhen === FIRST_COMPLETED || (returnWhen === FIRST_EXCEPTION && !f.cancelled() && f.exception() !== null)) {
      handle?.cancel();
      if (!waiter.done()) waiter.setResult(null);
    }
  };
  if (loop._currentTask !== null) awaitedVia(onCompletion, loop._currentTask);
  for (const f of set) f.addDoneCallback(onCompletion);
  try {
    yield waiter;
  } finally {
    handle?.cancel();
    for (const f of set) f.removeDoneCallback(onCompletion);
  }
  const done = new Set<F>();
  const pending = new Set<F>();
  for (const f of set) (f.done() ? done : pending).add(f);
  return [done, pending];
}

/** Python's `tasks._cancel_and_wait`: cancel `fut` and wait until it is done. */
function* cancelAndWait(fut: Future): Generator<unknown, void, unknown> {
  const label = fut._waitLabel();
  const waiter = new LabeledFuture(getRunningLoop(), { kind: "cancel", text: `cancelling ${label.text}`, target: label.target });
  const cb = () => releaseWaiter(waiter);
  fut.addDoneCallback(cb);
  try {
    fut.cancel();
    yield waiter;
  } finally {
    fut.removeDoneCallback(cb);
  }
}

/**
 * Python's `asyncio.wait_for(aw, timeout)`: awaits `aw`, but if it takes
 * longer than `timeout` seconds, cancels it, waits for it to finish
 * cancelling, and raises `TimeoutError`. `null` means no timeout.
 * @example
 * try {
 *   const page = await asyncio.waitFor(fetch("https://slow.example/"), 1);
 * } catch (e) {
 *   if (e instanceof TimeoutError) print("Timeout!");
 * }
 */
export function waitFor<T>(aw: Awaitable<T>, timeout: number | null): Coroutine<T> {
  return new Coroutine(waitForBody(aw, timeout ?? null), "wait_for");
}

function* waitForBody<T>(aw: Awaitable<T>, timeout: number | null): Generator<unknown, T, unknown> {
  if (timeout !== null && timeout <= 0) {
    const fut = ensureFuture(aw);
    if (fut.done()) return fut.result();
    yield* cancelAndWait(fut);
    try {
      return fut.result();
    } catch (e) {
      if (e instanceof CancelledError) {
        const te = new TimeoutError();
        te.__cause__ = te.__context__ = e;
        throw te;
      }
      throw e;
    }
  }
  return (yield* withBlock(timeoutCm(timeout), function* () {
    return (yield aw) as T;
  })) as T;
}

/** Options of `asCompleted`. */
export interface AsCompletedOptions {
  /** Seconds after which the remaining awaits raise `TimeoutError`. Default: null (none). */
  timeout?: number | null;
}

/**
 * The iterator `asyncio.asCompleted` returns: each item is a coroutine
 * that resolves to the next result to finish (Python's `_AsCompletedIterator`).
 */
export class AsCompletedIterator<T> implements IterableIterator<Coroutine<T>> {
  private readonly done = new Queue<Future<T> | null>();
  private readonly todo: Set<Future<T>>;
  private todoLeft: number;
  private timeoutHandle: { cancel(): void } | null = null;

  /** Made by `asCompleted()`. */
  constructor(aws: Iterable<Awaitable<T>>, timeout: number | null) {
    const loop = getRunningLoop();
    const unique = [...new Set(aws)];
    this.todo = new Set(unique.map((aw) => ensureFuture(aw, loop)));
    for (const f of this.todo) f.addDoneCallback(this.handleCompletion);
    if (this.todo.size > 0 && timeout !== null) {
      this.timeoutHandle = loop._timer(loop.time() + timeout, this.handleTimeout, [], `as_completed timeout ${timeout} s`);
    }
    this.todoLeft = this.todo.size;
  }

  /** `for (const next of asyncio.asCompleted(aws))`: it is its own iterator. */
  [Symbol.iterator](): this {
    return this;
  }

  /**
   * Python 3.13's `async for t of as_completed(...)`: yields the original
   * tasks and futures themselves, in completion order (typed without
   * `then`, so TypeScript does not think `for await` unwraps them).
   */
  [Symbol.asyncIterator](): AsyncIterator<Omit<Future<T>, "then">> {
    throw new TypeError("use 'for await' inside an async function: the snippet pipeline turns it into Python's async for");
  }

  /** @internal Python's `__aiter__`. */
  __aiter__(): this {
    return this;
  }

  /** @internal Python's `__anext__`: the next future to finish; `StopAsyncIteration` when none is left. */
  __anext__(): Coroutine<Future<T>> {
    return new Coroutine(this.nextDone(), "_AsCompletedIterator.__anext__");
  }

  private *nextDone(): Generator<unknown, Future<T>, unknown> {
    if (this.todoLeft === 0) throw new StopAsyncIteration();
    this.todoLeft -= 1;
    const f = (yield this.done.get()) as Future<T> | null;
    if (f === null) throw new TimeoutError();
    return f;
  }

  /** The next awaitable: awaiting it gives the next result to finish (or raises its error). */
  next(): IteratorResult<Coroutine<T>> {
    if (this.todoLeft === 0) return { done: true, value: undefined };
    this.todoLeft -= 1;
    return { done: false, value: new Coroutine(this.waitForOne(), "_AsCompletedIterator._wait_for_one") };
  }

  private handleTimeout = (): void => {
    for (const f of this.todo) {
      f.removeDoneCallback(this.handleCompletion);
      this.done.putNowait(null);
    }
    this.todo.clear();
  };

  private handleCompletion = (f: Future<T>): void => {
    if (this.todo.size === 0) return;
    this.todo.delete(f);
    this.done.putNowait(f);
    if (this.todo.size === 0) this.timeoutHandle?.cancel();
  };

  private *waitForOne(): Generator<unknown, T, unknown> {
    const f = (yield this.done.get()) as Future<T> | null;
    if (f === null) throw new TimeoutError();
    return f.result();
  }
}

/**
 * Python's `asyncio.as_completed(aws, timeout=None)`: iterate to get
 * awaitables that resolve in **completion order**. With a timeout, the
 * awaits left when it expires raise `TimeoutError` (the work keeps running).
 * @example
 * for (const next of asyncio.asCompleted([job("slow", 3), job("fast", 1)])) {
 *   print(await next);   // "fast" first
 * }
 * for await (const task of asyncio.asCompleted(tasks)) print(task.getName());  // the tasks themselves (Python 3.13)
 */
export function asCompleted<T>(aws: Iterable<Awaitable<T>>, options: AsCompletedOptions = {}): AsCompletedIterator<T> {
  if (isFuture(aws) || isCoroutine(aws)) throw new TypeError(`expects an iterable of awaitables, not ${pyTypeName(aws)}`);
  return new AsCompletedIterator(aws, options.timeout ?? null);
}
