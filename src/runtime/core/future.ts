/**
 * Python's `asyncio.Future`: a result that will exist later.
 *
 * Semantics follow CPython's `futures.py` line by line where order is
 * observable: callbacks are never called inline but scheduled with
 * `callSoon` when the future completes; cancelling is completing; a
 * cancelled future re-raises the same `CancelledError` object the first
 * time it is asked, a fresh one after that. Error messages are those of
 * CPython's C implementation (`_asyncio`), which is what `asyncio.Future`
 * is in a normal CPython: "Result is not set.", "invalid state".
 */
import { sessionOf } from "./loop-access.ts";
import { nameOwn } from "./names.ts";
import { FUTURE_LABEL, type IdSink, type WaitLabel, waitTargetIds, waitTargetsOf } from "./wait-label.ts";
import { CancelledError, excStr, InvalidStateError, RuntimeError } from "./errors.ts";
import type { EventLoop } from "./loop.ts";
import type { HandlerNotice } from "./notices.ts";
import type { Task } from "./task.ts";
import { pyReprSafe } from "./repr.ts";

/** @internal A future's state (Python's `_PENDING`, `_CANCELLED`, `_FINISHED`). */
export const FutureState = { Pending: 0, Cancelled: 1, Finished: 2 } as const;
/** @internal */
export type FutureState = (typeof FutureState)[keyof typeof FutureState];

/** @internal `_flags`' low bits hold the state (a `FutureState`). */
export const STATE_MASK = 3;
/** `_flags` bits of every future above the state (a task adds its own above them). */
const HAS_EXCEPTION = 4;
const LOG_TRACEBACK = 8;
/** @internal The first `_flags` bit free for subclasses. */
export const FUTURE_FLAG_BITS = 4;

/**
 * The messages given to `cancel(msg)`, for the futures that were given one
 * (cancelling is rare; a field on every future and task was 8 bytes each).
 */
const cancelMessages = new WeakMap<Future<any>, unknown>();

/** A done callback: a function called with the future, or a task to wake. */
export type DoneCallback = ((future: any) => unknown) | Task<any>;

/**
 * Python's `asyncio.Future`. Create one with `loop.createFuture()`; await
 * it to wait until someone calls `setResult` or `setException`.
 * @example
 * const fut = asyncio.getRunningLoop().createFuture();
 * asyncio.getRunningLoop().callLater(1, () => fut.setResult(42));
 * print(await fut);  // 42, one second later
 */
export class Future<T = unknown> {
  // A run holds tens of thousands of futures and tasks at once, and the
  // scavenger copies every live one, so their state is packed: the state
  // and the booleans share `_flags` with the task's (see task.ts), the
  // result slot also holds the exception (when HAS_EXCEPTION) or the
  // CancelledError to re-raise (when cancelled), and a cancel message is
  // kept aside (`cancelMessages`).
  // Invariant: `_result` is undefined while pending; HAS_EXCEPTION implies Finished.
  /** @internal The result; the exception if HAS_EXCEPTION; a saved CancelledError (or undefined) if cancelled. */
  _result: unknown = undefined;
  /**
   * @internal Done callbacks in registration order: none, one (most futures
   * have exactly one, the task or gather waiting on them), or an array.
   */
  _callbacks: DoneCallback | DoneCallback[] | null = null;
  /** @internal The state (STATE_MASK), HAS_EXCEPTION, LOG_TRACEBACK, and the bits tasks add. */
  _flags: number = FutureState.Pending;
  /** @internal */ readonly _loop: EventLoop;

  /** Made by `loop.createFuture()`; a future belongs to the loop it was made for. */
  constructor(loop: EventLoop) {
    this._loop = loop;
  }

  /** @internal Pending, cancelled or finished. */
  get _state(): FutureState {
    return (this._flags & STATE_MASK) as FutureState;
  }

  /** @internal The message given to `cancel()`, or null. */
  get _cancelMessage(): unknown {
    return cancelMessages.get(this) ?? null;
  }
  set _cancelMessage(msg: unknown) {
    if (msg === null) cancelMessages.delete(this);
    else cancelMessages.set(this, msg);
  }

  /** @internal Finished with an exception. */
  get _hasException(): boolean {
    return (this._flags & HAS_EXCEPTION) !== 0;
  }

  /** @internal The exception it finished with, or undefined. */
  get _exception(): unknown {
    return (this._flags & HAS_EXCEPTION) !== 0 ? this._result : undefined;
  }

  /** @internal "exception was never retrieved" is owed. */
  get _logTraceback(): boolean {
    return (this._flags & LOG_TRACEBACK) !== 0;
  }
  set _logTraceback(on: boolean) {
    this._flags = on ? this._flags | LOG_TRACEBACK : this._flags & ~LOG_TRACEBACK;
  }

  /** @internal The CancelledError a cancelled task's coroutine raised, re-raised once as is (see `_makeCancelledError`). */
  get _cancelledExc(): CancelledError | null {
    return this._state === FutureState.Cancelled && this._result !== undefined ? (this._result as CancelledError) : null;
  }
  set _cancelledExc(e: CancelledError | null) {
    this._result = e ?? undefined;
  }

  /** Python's `Future.get_loop()`. */
  getLoop(): EventLoop {
    return this._loop;
  }

  /** Python's `Future.done()`: finished with a result, an exception, or cancelled. */
  done(): boolean {
    return (this._flags & STATE_MASK) !== FutureState.Pending;
  }

  /** Python's `Future.cancelled()`. */
  cancelled(): boolean {
    return (this._flags & STATE_MASK) === FutureState.Cancelled;
  }

  /**
   * Python's `Future.result()`: the result, or raises the exception; raises
   * `CancelledError` if cancelled and `InvalidStateError` if not done yet.
   */
  result(): T {
    const flags = this._flags;
    if ((flags & STATE_MASK) !== FutureState.Finished) {
      if ((flags & STATE_MASK) === FutureState.Cancelled) throw this._makeCancelledError();
      throw new InvalidStateError("Result is not set.");
    }
    if ((flags & (HAS_EXCEPTION | LOG_TRACEBACK)) === 0) return this._result as T;
    this._flags = flags & ~LOG_TRACEBACK;
    if ((flags & HAS_EXCEPTION) !== 0) throw this._result;
    return this._result as T;
  }

  /** Python's `Future.exception()`: the exception set, or `null` (`None`) on success. */
  exception(): unknown {
    if (this._state === FutureState.Cancelled) throw this._makeCancelledError();
    if (this._state !== FutureState.Finished) throw new InvalidStateError("Exception is not set.");
    this._logTraceback = false;
    return this._hasException ? this._result : null;
  }

  /**
   * Python's `Future.add_done_callback(fn)`: `fn(future)` runs (via the loop,
   * never inline) once the future is done.
   */
  addDoneCallback(fn: DoneCallback): void {
    const cbs = this._callbacks;
    if ((this._flags & STATE_MASK) !== FutureState.Pending) this._loop._scheduleCallback(fn, this);
    else if (cbs === null) this._callbacks = fn;
    else if (Array.isArray(cbs)) cbs.push(fn);
    else this._callbacks = [cbs, fn];
  }

  /** @internal True if `fn` is one of the done callbacks still to run. */
  _hasCallback(fn: DoneCallback): boolean {
    const cbs = this._callbacks;
    return cbs === fn || (Array.isArray(cbs) && cbs.includes(fn));
  }

  /** Python's `Future.remove_done_callback(fn)`: removes every registration of `fn`; returns how many. */
  removeDoneCallback(fn: DoneCallback): number {
    const cbs = this._callbacks;
    if (cbs === null) return 0;
    if (!Array.isArray(cbs)) {
      if (cbs !== fn) return 0;
      this._callbacks = null;
      return 1;
    }
    const kept = cbs.filter((cb) => cb !== fn);
    const removed = cbs.length - kept.length;
    if (removed) this._callbacks = kept.length === 0 ? null : kept.length === 1 ? kept[0] : kept;
    return removed;
  }

  /** Python's `Future.set_result(value)`; `InvalidStateError` if already done. */
  setResult(value: T): void {
    const flags = this._flags;
    if ((flags & STATE_MASK) !== FutureState.Pending) throw new InvalidStateError("invalid state");
    this._result = value;
    this._flags = flags | FutureState.Finished;
    this._scheduleCallbacks();
  }

  /** Python's `Future.set_exception(exc)`; `InvalidStateError` if already done. */
  setException(exception: unknown): void {
    if (this._state !== FutureState.Pending) throw new InvalidStateError("invalid state");
    if (typeof exception === "function") exception = new (exception as new () => unknown)();
    this._fail(exception);
  }

  /** @internal Finishes with `exception`, owing "exception was never retrieved" until someone looks. */
  _fail(exception: unknown): void {
    this._result = exception;
    this._flags = (this._flags & ~STATE_MASK) | FutureState.Finished | HAS_EXCEPTION;
    this._scheduleCallbacks();
    this._flags |= LOG_TRACEBACK;
    sessionOf(this._loop).trackFailure(this);
  }

  /**
   * Python's `Future.cancel(msg)`: if pending, mark it cancelled and schedule
   * the callbacks; returns false if it was already done.
   */
  cancel(msg: unknown = null): boolean {
    this._logTraceback = false;
    if (this._state !== FutureState.Pending) return false;
    this._flags |= FutureState.Cancelled;
    this._cancelMessage = msg;
    this._scheduleCallbacks();
    return true;
  }

  /**
   * @internal What waiting on this future means, for the timeline. A method
   * so that subclasses made by the thousand (tasks, sleeps) build it only
   * when the trace or a deadlock report asks; the runtime's own waiters
   * carry theirs (`LabeledFuture`).
   */
  _waitLabel(): WaitLabel {
    return FUTURE_LABEL;
  }

  /** @internal The trace id of what waiting on this future waits for (`_waitLabel().target`, without building the label). */
  _waitTarget(): number {
    return this._waitLabel().target;
  }

  /**
   * @internal For a gather, a TaskGroup or `asyncio.wait`: appends to `out`
   * the trace ids of the tasks it waits for (nested gathers and waits
   * flattened), for the trace's await graph, and returns how many; none for
   * other futures.
   */
  _waitTargets(out: IdSink): number {
    const futures = waitTargetsOf(this);
    return futures === undefined ? 0 : waitTargetIds(futures, out);
  }

  /** @internal For a sleep's future, its delay; NaN otherwise (see `TimerHandle._sleepSeconds`). */
  _sleepSeconds(): number {
    return NaN;
  }

  /** @internal The CancelledError to raise: the saved one once, then a fresh one. */
  _makeCancelledError(): CancelledError {
    const saved = this._cancelledExc;
    if (saved !== null) {
      this._cancelledExc = null;
      return saved;
    }
    const msg = this._cancelMessage;
    return msg === null || msg === undefined ? new CancelledError() : new CancelledError(msg);
  }

  /** @internal */
  _scheduleCallbacks(): void {
    const cbs = this._callbacks;
    if (cbs === null) return;
    this._callbacks = null;
    const loop = this._loop;
    if (!Array.isArray(cbs)) loop._scheduleCallback(cbs, this);
    else for (let i = 0; i < cbs.length; i++) loop._scheduleCallback(cbs[i], this);
  }

  /** @internal What the loop's exception handler says when this future is collected with its exception unread. */
  _neverRetrievedNotice(): HandlerNotice {
    return { kind: "handler", message: "Future exception was never retrieved", future: "Future", exception: excStr(this._result) };
  }

  /**
   * Futures are not promises: `.then` exists only so TypeScript lets
   * `await` unwrap them. Calling it is a mistake this explains.
   */
  then<R1 = T, R2 = never>(_onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null, _onrejected?: ((reason: any) => R2 | PromiseLike<R2>) | null): PromiseLike<R1 | R2> {
    throw new TypeError("an asyncio Future is not a Promise: await it inside an async function");
  }

  /** Python's repr: `<Future pending>`, `<Future finished result=42>`. */
  __repr__(): string {
    return `<Future ${futureInfo(this).join(" ")}>`;
  }
}

/**
 * @internal A future the runtime makes for a task to wait on (a lock's or
 * a semaphore's waiter, a request, an executor job, `wait`, `shield`...),
 * with what the timeline calls that wait. A plain future or a task keeps
 * no label of its own: a field on every one of them was 8 bytes each.
 */
export class LabeledFuture<T = unknown> extends Future<T> {
  /** @internal What waiting on it means (shared between the waiters of one primitive). */
  _label: WaitLabel;

  /** A pending future of `loop`, labelled `label`. */
  constructor(loop: EventLoop, label: WaitLabel) {
    super(loop);
    this._label = label;
  }

  /** @internal */
  override _waitLabel(): WaitLabel {
    return this._label;
  }

  /** @internal */
  override _waitTarget(): number {
    return this._label.target;
  }
}
// To a snippet it is a Future (`shield` and `runInExecutor` return one): its type says so, minified or not.
nameOwn(LabeledFuture, "asyncio.Future", "Future");

function stateName(s: FutureState): string {
  return s === FutureState.Pending ? "PENDING" : s === FutureState.Cancelled ? "CANCELLED" : "FINISHED";
}

/** The words Python's `_future_repr_info` shows: state, then result or exception. */
export function futureInfo(f: Future): string[] {
  const info = [stateName(f._state).toLowerCase()];
  if (f._state === FutureState.Finished) {
    info.push(f._hasException ? `exception=${pyReprSafe(f._result)}` : `result=${pyReprSafe(f._result, 60)}`);
  }
  return info;
}

/** True for an asyncio Future or Task (Python's `asyncio.isfuture`). */
export function isFuture(x: unknown): x is Future {
  return x instanceof Future;
}

/** Python's `futures._set_result_unless_cancelled`. */
export function setResultUnlessCancelled<T>(fut: Future<T>, result: T): void {
  if (!fut.cancelled()) fut.setResult(result);
}

/** Raised when a future is awaited by code outside any task. */
export function notInTask(): RuntimeError {
  return new RuntimeError("await outside a task: run async code with asyncio.run(main())");
}
