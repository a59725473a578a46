/**
 * Python's `asyncio.Task`: a coroutine driven by the event loop.
 *
 * This file is the one place where task code runs and suspends. A step
 * resumes the innermost coroutine of the task with a value or an exception
 * and runs until the task waits on a future (blocks), yields a bare
 * `SLEEP0` (runs again next iteration), or finishes. Awaiting a coroutine
 * pushes it on the task's stack and runs it inline, as Python's `await`
 * does; awaiting a future that is already done continues without yielding.
 *
 * The cancellation protocol is CPython's (`tasks.py`): `cancel()` cancels
 * the future the task waits on, or sets `_mustCancel` so the next step
 * throws `CancelledError` into the coroutine; `cancelling()`/`uncancel()`
 * count requests, which `timeout()` and `TaskGroup` rely on.
 *
 * An eager task (3.12+, `eagerStart`) runs its first step inside its
 * creator's step instead of on the ready queue: see `_eagerStart`, the one
 * place that differs.
 */
import { Coroutine, CoroState, READY, SLEEP0 } from "./coroutine.ts";
import { addAsyncFrame, CancelledError, excStr, InvalidStateError, RuntimeError } from "./errors.ts";
import { Future, FUTURE_LABEL, FutureState, futureInfo, type WaitLabel } from "./future.ts";
import type { Runnable } from "./handles.ts";
import type { EventLoop } from "./loop.ts";
import type { HandlerNotice } from "./notices.ts";
import { RunAborted } from "./session.ts";
import { pyReprSafe, pyTypeName } from "./repr.ts";

/** Why a task sits on the ready queue. */
const Pending = { None: 0, Step: 1, StepWithError: 2, Wakeup: 3, StepWithValue: 4 } as const;
type Pending = (typeof Pending)[keyof typeof Pending];

/**
 * Python's `asyncio.Task`. Create one with `asyncio.createTask(coro)`; it
 * starts at the loop's next iteration, after the current task yields.
 * @example
 * const t = asyncio.createTask(fetch(url), { name: "fetch-1" });
 * // ... other work ...
 * const page = await t;
 */
export class Task<T = unknown> extends Future<T> implements Runnable {
  /** @internal */ _cancelled = false; // Runnable: a task on the ready queue is never skipped
  /** @internal The name given, or null for `Task-<_num>` (formatted only when asked). */
  private _givenName: string | null;
  /** @internal */ private readonly _num: number;
  /** @internal */ _coro: Coroutine<T> | null;
  /** @internal Inline-awaited coroutines, innermost last; null until the task first awaits a coroutine. */
  /** @internal */ _stack: Coroutine[] | null = null;
  /** @internal */ _futWaiter: Future | null = null;
  /** @internal */ _mustCancel = false;
  /** @internal */ _numCancelsRequested = 0;
  private _pending: Pending = Pending.Step;
  private _pendingValue: unknown = undefined;
  /** @internal The line this task is paused at. */
  _line: number;
  /** @internal Trace id. */
  readonly _id: number;
  /** @internal The task that created this one, if any. */
  readonly _parent: Task<any> | null;
  /** @internal Created by the runner itself (shutdown): kept off the timeline. */
  readonly _hidden: boolean;

  /**
   * The runtime's constructor (snippets create tasks with `asyncio.createTask`).
   * `eagerStart`: run the first step now, if the loop is running (Python's `eager_start=True`).
   */
  constructor(loop: EventLoop, coro: Coroutine<T>, name: string | null, eagerStart = false) {
    super(loop);
    if (!(coro instanceof Coroutine)) throw new TypeError(`a coroutine was expected, got ${pyReprSafe(coro)}`);
    const session = loop._session;
    // asyncio.run's own shutdown tasks are not the learner's: not counted, not traced.
    if (!loop._hiddenTasks) session.countTask();
    this._coro = coro;
    this._givenName = name === null ? null : String(name);
    this._num = name === null ? session.nextTaskNumber() : 0;
    this._id = session.nextId();
    this._line = session.cursor.l;
    this._parent = loop._currentTask;
    this._hidden = loop._hiddenTasks;
    loop._tasks.add(this);
    if (!this._hidden) session.hooks.taskCreated?.(this, this._parent);
    if (eagerStart && loop.isRunning()) this._eagerStart();
    else loop._readyPush(this);
  }

  /**
   * Python's `Task.__eager_start`: the first step runs now, synchronously,
   * as the current task, inside whatever called `createTask`; the coroutine
   * goes on until its first real suspension (or its end: the task is then
   * done before `createTask` returns, and, as in CPython, forgets its
   * coroutine). Only later steps go through the ready queue.
   *
   * The trace stays flat (steps never nest): the creator's step ends,
   * waiting on `eager start of Task-N` (wait kind "eager"); the new task's
   * first step follows; then the creator is woken by it and its step goes on.
   * All at the same instant, which is what happened.
   */
  private _eagerStart(): void {
    const loop = this._loop;
    const session = loop._session;
    const hooks = session.hooks;
    const cursor = session.cursor;
    const creator = loop._currentTask;
    const creatorLine = cursor.l;
    const traced = creator !== null && !creator._hidden;
    if (traced) hooks.stepEnded?.(creator, new EagerStart(this));
    this._pending = Pending.None;
    session.countStep();
    loop._currentTask = this;
    hooks.stepBegan?.(this);
    try {
      this._runCoroutine(false, undefined);
    } finally {
      this._line = cursor.l;
      loop._currentTask = creator;
      hooks.stepEnded?.(this, this._futWaiter);
      cursor.l = creatorLine;
      if (this.done()) eagerlyDone.add(this);
      if (traced) {
        hooks.taskScheduled?.(creator, this);
        hooks.stepBegan?.(creator);
      }
    }
  }

  /** @internal */
  override _waitLabel(): WaitLabel {
    if (this._label === FUTURE_LABEL) this._label = { kind: "task", text: `Task ${this._name}`, target: this._id };
    return this._label;
  }

  /** @internal Paused in `await asyncio.sleep(0)` (its fast path: no coroutine on the stack), for the call graph. */
  get _inSleep0(): boolean {
    return this._pending === Pending.StepWithValue;
  }

  /** @internal The task's name. */
  get _name(): string {
    return this._givenName ?? `Task-${this._num}`;
  }

  /** Python's `Task.get_name()`. */
  getName(): string {
    return this._name;
  }

  /** Python's `Task.set_name(value)`. */
  setName(value: unknown): void {
    this._givenName = String(value);
  }

  /** Python's `Task.get_coro()`; `null` (`None`) for a task that finished during its eager start. */
  getCoro(): Coroutine<T> | null {
    return eagerlyDone.has(this) ? null : this._coro;
  }

  override setResult(): never {
    throw new RuntimeError("Task does not support set_result operation");
  }

  override setException(): never {
    throw new RuntimeError("Task does not support set_exception operation");
  }

  /**
   * Python's `Task.cancel(msg)`: asks the task to cancel. `CancelledError`
   * is thrown into its coroutine at its current `await` on the loop's next
   * iteration; the coroutine may clean up in `finally`, or even refuse.
   * Returns false only if the task is already done.
   */
  override cancel(msg: unknown = null): boolean {
    this._logTraceback = false;
    if (this.done()) return false;
    this._numCancelsRequested += 1;
    if (this._futWaiter !== null && this._futWaiter.cancel(msg)) return true;
    this._mustCancel = true;
    this._cancelMessage = msg;
    return true;
  }

  /** Python's `Task.cancelling()`: pending cancellation requests. */
  cancelling(): number {
    return this._numCancelsRequested;
  }

  /** Python's `Task.uncancel()`: withdraws one cancellation request; returns how many remain. */
  uncancel(): number {
    if (this._numCancelsRequested > 0) {
      this._numCancelsRequested -= 1;
      if (this._numCancelsRequested === 0) this._mustCancel = false;
    }
    return this._numCancelsRequested;
  }

  /** @internal The ready queue calls this: wakes the task the way it was scheduled. */
  _run(): void {
    const kind = this._pending;
    const value = this._pendingValue;
    this._pending = Pending.None;
    this._pendingValue = undefined;
    if (kind === Pending.Wakeup) {
      // Python's __wakeup: future.result() decides between resuming and throwing.
      const fut = value as Future;
      let failed = false;
      let outcome: unknown;
      try {
        outcome = fut.result();
      } catch (e) {
        outcome = e;
        failed = true;
      }
      this._step(failed, outcome);
    } else {
      this._step(kind === Pending.StepWithError, kind === Pending.StepWithValue ? value : undefined);
    }
  }

  /** @internal Schedules a wake-up by `fut` (this task was one of its done callbacks). */
  _wakeBy(fut: Future<any>): void {
    this._pending = Pending.Wakeup;
    this._pendingValue = fut;
    this._loop._readyPush(this);
    this._loop._session.hooks.taskScheduled?.(this, fut);
  }

  private _scheduleStep(error?: unknown): void {
    if (error === undefined) {
      this._pending = Pending.Step;
    } else {
      this._pending = Pending.StepWithError;
      this._pendingValue = error;
    }
    this._loop._readyPush(this);
    this._loop._session.hooks.taskScheduled?.(this, null);
  }

  /** Python's `Task.__step(exc)`; when not throwing, `exc` is the value the awaited future produced. */
  private _step(throwing: boolean, exc: unknown): void {
    if (this.done()) throw new InvalidStateError(`__step(): already done: ${pyReprSafe(this)}`);
    if (this._mustCancel) {
      if (!(exc instanceof CancelledError)) exc = this._makeCancelledError();
      throwing = true;
      this._mustCancel = false;
    }
    this._futWaiter = null;
    const loop = this._loop;
    const session = loop._session;
    const cursor = session.cursor;
    const prevTask = loop._currentTask;
    loop._currentTask = this;
    cursor.l = this._line;
    session.hooks.stepBegan?.(this);
    try {
      this._runCoroutine(throwing, exc);
    } finally {
      this._line = cursor.l;
      session.flushRecent();
      loop._currentTask = prevTask;
      session.hooks.stepEnded?.(this, this._futWaiter);
    }
  }

  /** Python's `Task.__step_run_and_handle_result`, with inline awaits trampolined on `_stack`. */
  private _runCoroutine(throwing: boolean, exc: unknown): void {
    const root = this._coro as Coroutine;
    let stack = this._stack;
    const cursor = this._loop._session.cursor;
    let coro: Coroutine = stack !== null && stack.length > 0 ? stack[stack.length - 1] : root;
    let value: unknown = throwing ? undefined : exc;
    if (coro.state === CoroState.Closed && coro === root && !throwing) {
      throwing = true;
      exc = new RuntimeError("cannot reuse already awaited coroutine");
    }
    for (;;) {
      let r: IteratorResult<unknown, unknown>;
      coro.state = CoroState.Running;
      try {
        r = throwing ? coro.gen.throw(exc) : coro.gen.next(value);
      } catch (e) {
        coro.state = CoroState.Closed;
        if (e instanceof RunAborted) throw e;
        addAsyncFrame(e, coro.qualname, cursor.l);
        if (coro === root) return this._finishWithError(e);
        coro = this._pop();
        throwing = true;
        exc = e;
        continue;
      }
      if (r.done) {
        coro.state = CoroState.Closed;
        if (coro === root) return this._finishWithResult(r.value as T);
        coro = this._pop();
        throwing = false;
        value = r.value;
        continue;
      }
      coro.state = CoroState.Suspended;
      const y = r.value;
      throwing = false;
      value = undefined;
      if (y instanceof Coroutine) {
        if (y.state === CoroState.Created && y._yieldsOnce()) {
          // `await asyncio.sleep(0)`: the sleep would yield once and return its result; skip the round trip through it.
          y.state = CoroState.Closed;
          this._pending = Pending.StepWithValue;
          this._pendingValue = y._onceResult();
          this._loop._readyPush(this);
          this._loop._session.hooks.taskScheduled?.(this, null);
          return;
        }
        if (y.state !== CoroState.Created) {
          throwing = true;
          exc = new RuntimeError(y.state === CoroState.Closed ? "cannot reuse already awaited coroutine" : "coroutine is being awaited already");
          continue;
        }
        coro.pausedLine = cursor.l;
        if (stack === null) stack = this._stack = [];
        stack.push(y);
        coro = y;
        continue;
      }
      if (y instanceof Future) {
        if (y._state !== FutureState.Pending) {
          try {
            value = y.result();
          } catch (e) {
            throwing = true;
            exc = e;
          }
          continue;
        }
        if (y._loop !== this._loop) {
          throwing = true;
          exc = new RuntimeError(`Task ${pyReprSafe(this)} got Future ${pyReprSafe(y)} attached to a different loop`);
          continue;
        }
        if (y === this) {
          this._scheduleStep(new RuntimeError(`Task cannot await on itself: ${pyReprSafe(this)}`));
          return;
        }
        y.addDoneCallback(this);
        this._futWaiter = y;
        if (this._mustCancel && y.cancel(this._cancelMessage)) this._mustCancel = false;
        return;
      }
      if (y === SLEEP0) {
        this._scheduleStep();
        return;
      }
      if (y === READY) continue;
      throwing = true;
      exc = new TypeError(`'${pyTypeName(y)}' object can't be awaited${hintFor(y)}`);
    }
  }

  private _pop(): Coroutine {
    const stack = this._stack as Coroutine[];
    stack.pop();
    const parent = stack.length > 0 ? stack[stack.length - 1] : (this._coro as Coroutine);
    this._loop._session.cursor.l = parent.pausedLine;
    return parent;
  }

  private _finishWithResult(value: T): void {
    if (this._mustCancel) {
      this._mustCancel = false;
      super.cancel(this._cancelMessage);
    } else {
      this._result = value;
      this._state = FutureState.Finished;
      this._scheduleCallbacks();
    }
    this._afterDone();
  }

  private _finishWithError(e: unknown): void {
    if (e instanceof CancelledError) {
      super.cancel();
      this._cancelledExc = e;
    } else {
      this._exception = e;
      this._hasException = true;
      this._state = FutureState.Finished;
      this._scheduleCallbacks();
      this._logTraceback = true;
      this._loop._session.trackFailure(this);
    }
    this._afterDone();
  }

  private _afterDone(): void {
    this._loop._tasks.delete(this);
    this._loop._session.hooks.taskDone?.(this);
  }

  /** @internal */
  override _neverRetrievedNotice(): HandlerNotice {
    return { kind: "handler", message: "Task exception was never retrieved", task: this._noticeInfo(), exception: excStr(this._exception) };
  }

  /** @internal How loop messages name this task. */
  _noticeInfo(): { name: string; coro: string; repr: string } {
    const coro = this.getCoro();
    // vclock names a missing coroutine by its type, as `type(None).__name__`.
    return { name: this._name, coro: coro === null ? "NoneType" : coro.qualname, repr: this.__repr__() };
  }

  override __repr__(): string {
    const info = futureInfo(this);
    if (this._numCancelsRequested > 0 && !this.done()) info[0] = "cancelling";
    info.splice(1, 0, `name='${this._name}'`);
    const coro = this.getCoro();
    if (coro !== null) {
      const where = coro.state === CoroState.Closed ? "done" : "running";
      info.splice(2, 0, `coro=<${coro.qualname}() ${where}>`);
    }
    return `<Task ${info.join(" ")}>`;
  }
}

/**
 * Tasks that finished during their eager start: CPython drops their
 * coroutine (`get_coro()` is None). Kept aside rather than cleared, so the
 * trace still names the coroutine, and no field is added to every task.
 */
const eagerlyDone = new WeakSet<Task<any>>();

/** What a creator waits on while its eager task takes its first step (only the trace sees it). */
class EagerStart extends Future {
  private readonly _task: Task<any>;
  constructor(task: Task<any>) {
    super(task._loop);
    this._task = task;
  }
  override _waitLabel(): WaitLabel {
    return { kind: "eager", text: `eager start of ${this._task._name}`, target: this._task._id };
  }
}

function hintFor(y: unknown): string {
  if (y !== null && typeof y === "object" && typeof (y as { then?: unknown }).then === "function") {
    return " (a JavaScript Promise cannot be awaited here: asyncio code awaits coroutines, tasks and futures)";
  }
  return "";
}
