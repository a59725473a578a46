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
import { hooksOf, sessionOf } from "./loop-access.ts";
import { Coroutine, CoroState, READY, resume, SLEEP0, SleepZero } from "./coroutine.ts";
import { addAsyncFrame, CancelledError, excStr, InvalidStateError, RuntimeError } from "./errors.ts";
import { Future, FUTURE_FLAG_BITS, FutureState, futureInfo, STATE_MASK } from "./future.ts";
import type { WaitLabel } from "./wait-label.ts";
import type { EventLoop } from "./loop.ts";
import type { HandlerNotice } from "./notices.ts";
import { RunAborted } from "./session.ts";
import { pyReprSafe, pyTypeName } from "./repr.ts";

/**
 * How a task's next step starts. The value goes with the task on the ready
 * queue (see `ready-queue.ts`), so the task itself keeps only the kind.
 */
const Pending = {
  /** Not on the ready queue. */
  None: 0,
  /** Resume with the queued value (`undefined` for a new task or a bare `yield`). */
  Value: 1,
  /** Throw the queued error in. */
  Error: 2,
  /** Woken by the queued future: its `result()` decides (Python's `__wakeup`). */
  Wakeup: 3,
  /** As `Value`, after `await asyncio.sleep(0)`'s fast path (the call graph shows the sleep). */
  AfterSleep0: 4,
} as const;
type Pending = (typeof Pending)[keyof typeof Pending];

/** `_flags` bits of a task, above the future's own. */
const MUST_CANCEL = 1 << FUTURE_FLAG_BITS;
const HIDDEN = 2 << FUTURE_FLAG_BITS;
const PENDING_SHIFT = FUTURE_FLAG_BITS + 2;
const PENDING_MASK = 7;
/** Pending cancellation requests (Python's `_num_cancels_requested`) live in the bits above. */
const CANCELS_SHIFT = PENDING_SHIFT + 3;

/**
 * Python's `asyncio.Task`. Create one with `asyncio.createTask(coro)`; it
 * starts at the loop's next iteration, after the current task yields.
 * Awaiting a task waits for its coroutine to finish and returns its result
 * (or raises its error). A task nobody awaits still runs to the end.
 * @example
 * const t = asyncio.createTask(fetch(url), { name: "fetch-1" });
 * // ... other work ...
 * const page = await t;
 */
export class Task<T = unknown> extends Future<T> {
  /** @internal The name given, or the number N of `Task-N` (formatted only when asked). */
  private _nameOrNumber: string | number;
  /** @internal */ _coro: Coroutine<T> | null;
  /**
   * @internal The innermost coroutine awaited inline (each points to its
   * caller through `_caller`), or null while only the root runs.
   */
  private _top: Coroutine | null = null;
  /** @internal */ _futWaiter: Future | null = null;
  /** @internal The line this task is paused at. */
  _line: number;
  /** @internal Trace id. */
  readonly _id: number;

  /**
   * Made by `loop.createTask(coro)` (`asyncio.createTask`, `gather`...), not
   * called directly: it is queued to start at the loop's next iteration.
   * `eagerStart`: run the first step now, if the loop is running (Python's `eager_start=True`).
   */
  constructor(loop: EventLoop, coro: Coroutine<T>, name: string | null, eagerStart = false) {
    super(loop);
    if (!(coro instanceof Coroutine)) throw new TypeError(`a coroutine was expected, got ${pyReprSafe(coro)}`);
    const session = sessionOf(loop);
    const hidden = loop._hiddenTasks;
    // asyncio.run's own shutdown tasks are not the learner's: not counted, not traced.
    if (!hidden) session.countTask();
    this._coro = coro;
    coro._task = this;
    session.coroutineStarted(coro);
    this._nameOrNumber = name === null ? session.nextTaskNumber() : String(name);
    this._id = session.nextId();
    this._line = session.cursor.l;
    this._flags |= (hidden ? HIDDEN : 0) | (Pending.Value << PENDING_SHIFT);
    loop._tasks.add(this);
    const eager = eagerStart && loop.isRunning();
    if (!hidden) {
      const h = hooksOf(loop).taskCreated;
      if (h !== undefined) h.taskCreated(this, loop._currentTask, eager);
    }
    if (eager) this._eagerStart();
    else loop._ready.push(this, undefined);
  }

  /** @internal Created by the runner itself (shutdown): kept off the timeline. */
  get _hidden(): boolean {
    return (this._flags & HIDDEN) !== 0;
  }

  /** @internal The next step throws CancelledError in (Python's `_must_cancel`). */
  get _mustCancel(): boolean {
    return (this._flags & MUST_CANCEL) !== 0;
  }
  set _mustCancel(on: boolean) {
    this._flags = on ? this._flags | MUST_CANCEL : this._flags & ~MUST_CANCEL;
  }

  /** @internal Python's `_num_cancels_requested`: `cancel()` calls not withdrawn by `uncancel()`. */
  get _numCancelsRequested(): number {
    return this._flags >>> CANCELS_SHIFT;
  }
  set _numCancelsRequested(n: number) {
    this._flags = (this._flags & ((1 << CANCELS_SHIFT) - 1)) | (n << CANCELS_SHIFT);
  }

  /** How the next step starts (see `Pending`). */
  private get _pending(): Pending {
    return ((this._flags >> PENDING_SHIFT) & PENDING_MASK) as Pending;
  }
  private set _pending(kind: Pending) {
    this._flags = (this._flags & ~(PENDING_MASK << PENDING_SHIFT)) | (kind << PENDING_SHIFT);
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
    const session = sessionOf(loop);
    const hooks = hooksOf(loop);
    const cursor = session.cursor;
    const creator = loop._currentTask;
    const creatorLine = cursor.l;
    const traced = creator !== null && !creator._hidden;
    if (traced) hooks.stepEnded?.stepEnded(creator, new EagerStart(this));
    this._pending = Pending.None;
    session.countStep();
    loop._currentTask = this;
    hooks.stepBegan?.stepBegan(this);
    try {
      this._runCoroutine(false, undefined);
    } finally {
      this._line = cursor.l;
      loop._currentTask = creator;
      hooks.stepEnded?.stepEnded(this, this._futWaiter);
      cursor.l = creatorLine;
      if (this.done()) eagerlyDone.add(this);
      if (traced) {
        hooks.taskScheduled?.taskScheduled(creator, this);
        hooks.stepBegan?.stepBegan(creator);
      }
    }
  }

  /** @internal */
  override _waitLabel(): WaitLabel {
    return { kind: "task", text: `Task ${this._name}`, target: this._id };
  }

  /** @internal */
  override _waitTarget(): number {
    return this._id;
  }

  /** @internal Waiting on a task waits for that task alone (its own id, `_waitTarget`). */
  override _waitTargets(): number {
    return 0;
  }

  /** @internal The coroutines awaited inline, outermost first, the root not included (for the call graph). */
  _inlineAwaits(): Coroutine[] {
    const out: Coroutine[] = [];
    for (let c = this._top; c !== null && c !== this._coro; c = c._caller) out.push(c);
    return out.reverse();
  }

  /** @internal Paused in `await asyncio.sleep(0)` (its fast path: no coroutine on the stack), for the call graph. */
  get _inSleep0(): boolean {
    return this._pending === Pending.AfterSleep0;
  }

  /** @internal The task's name. */
  get _name(): string {
    const n = this._nameOrNumber;
    return typeof n === "string" ? n : `Task-${n}`;
  }

  /** Python's `Task.get_name()`. */
  getName(): string {
    return this._name;
  }

  /** Python's `Task.set_name(value)`. */
  setName(value: unknown): void {
    this._nameOrNumber = String(value);
  }

  /** Python's `Task.get_coro()`; `null` (`None`) for a task that finished during its eager start. */
  getCoro(): Coroutine<T> | null {
    return eagerlyDone.has(this) ? null : this._coro;
  }

  /** A task's result is its coroutine's: Python raises `RuntimeError` here. */
  override setResult(): never {
    throw new RuntimeError("Task does not support set_result operation");
  }

  /** A task's exception is its coroutine's: Python raises `RuntimeError` here. */
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

  /** @internal The ready queue calls this with the value queued beside the task: runs one step. */
  _run(arg: unknown): void {
    const kind = this._pending;
    this._pending = Pending.None;
    if (kind === Pending.Wakeup) {
      // Python's __wakeup: future.result() decides between resuming and throwing.
      let value: unknown;
      try {
        value = (arg as Future).result();
      } catch (e) {
        return this._step(true, e);
      }
      this._step(false, value);
    } else {
      this._step(kind === Pending.Error, arg);
    }
  }

  /** @internal Schedules a wake-up by `fut` (this task was one of its done callbacks). */
  _wakeBy(fut: Future<any>): void {
    this._schedule(Pending.Wakeup, fut, fut);
  }

  /** Puts the task on the ready queue, to start its next step as `kind` says with `arg`. */
  private _schedule(kind: Pending, arg: unknown, cause: Future | null): void {
    const loop = this._loop;
    this._pending = kind;
    loop._ready.push(this, arg);
    const h = hooksOf(loop).taskScheduled;
    if (h !== undefined) h.taskScheduled(this, cause);
  }

  /** Python's `Task.__step(exc)`; when not throwing, `arg` is the value the awaited future produced. */
  private _step(throwing: boolean, arg: unknown): void {
    if ((this._flags & STATE_MASK) !== FutureState.Pending) throw new InvalidStateError(`__step(): already done: ${pyReprSafe(this)}`);
    if (this._mustCancel) {
      if (!throwing || !(arg instanceof CancelledError)) arg = this._makeCancelledError();
      throwing = true;
      this._mustCancel = false;
    }
    this._futWaiter = null;
    const loop = this._loop;
    const session = sessionOf(loop);
    const hooks = hooksOf(loop);
    const cursor = session.cursor;
    const prevTask = loop._currentTask;
    loop._currentTask = this;
    cursor.l = this._line;
    const began = hooks.stepBegan;
    if (began !== undefined) began.stepBegan(this);
    try {
      this._runCoroutine(throwing, arg);
    } finally {
      this._line = cursor.l;
      loop._currentTask = prevTask;
      const ended = hooks.stepEnded;
      if (ended !== undefined) ended.stepEnded(this, this._futWaiter);
    }
  }

  /**
   * Python's `Task.__step_run_and_handle_result`, with inline awaits
   * trampolined on the `_top` chain: awaiting a coroutine pushes it and resumes it
   * here, so a chain of awaits never grows the JavaScript stack.
   */
  private _runCoroutine(throwing: boolean, arg: unknown): void {
    const root = this._coro as Coroutine;
    const session = sessionOf(this._loop);
    const cursor = session.cursor;
    let coro: Coroutine = this._top ?? root;
    let value: unknown = throwing ? undefined : arg;
    let exc: unknown = throwing ? arg : undefined;
    if (coro.state === CoroState.Closed && coro === root && !throwing) {
      throwing = true;
      exc = new RuntimeError("cannot reuse already awaited coroutine");
    }
    for (;;) {
      let r: IteratorResult<unknown, unknown>;
      coro.state = CoroState.Running;
      try {
        r = resume(coro, throwing, value, exc);
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
        if (y.state !== CoroState.Created) {
          throwing = true;
          exc = new RuntimeError(y.state === CoroState.Closed ? "cannot reuse already awaited coroutine" : "coroutine is being awaited already");
          continue;
        }
        session.coroutineStarted(y);
        if (y instanceof SleepZero) {
          // `await asyncio.sleep(0)`: it would yield once and return its result; skip the round trip through it.
          y.state = CoroState.Closed;
          return this._schedule(Pending.AfterSleep0, y.result, null);
        }
        coro.pausedLine = cursor.l;
        y._caller = coro;
        this._top = coro = y;
        continue;
      }
      if (y instanceof Future) {
        if ((y._flags & STATE_MASK) !== FutureState.Pending) {
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
        if (y === this) return this._schedule(Pending.Error, new RuntimeError(`Task cannot await on itself: ${pyReprSafe(this)}`), null);
        y.addDoneCallback(this);
        this._futWaiter = y;
        if (this._mustCancel && y.cancel(this._cancelMessage)) this._mustCancel = false;
        return;
      }
      if (y === SLEEP0) return this._schedule(Pending.Value, undefined, null);
      if (y === READY) continue;
      throwing = true;
      exc = new TypeError(`'${pyTypeName(y)}' object can't be awaited${hintFor(y)}`);
    }
  }

  /** Leaves the innermost inline-awaited coroutine (it returned or raised); returns its caller. */
  private _pop(): Coroutine {
    const top = this._top as Coroutine;
    const parent = top._caller as Coroutine;
    this._top = parent === this._coro ? null : parent;
    sessionOf(this._loop).cursor.l = parent.pausedLine;
    return parent;
  }

  private _finishWithResult(value: T): void {
    if (this._mustCancel) {
      this._mustCancel = false;
      super.cancel(this._cancelMessage);
    } else {
      this._result = value;
      this._flags = (this._flags & ~STATE_MASK) | FutureState.Finished;
      this._scheduleCallbacks();
    }
    this._afterDone();
  }

  private _finishWithError(e: unknown): void {
    if (e instanceof CancelledError) {
      super.cancel();
      this._cancelledExc = e;
    } else {
      this._fail(e);
    }
    this._afterDone();
  }

  private _afterDone(): void {
    const loop = this._loop;
    loop._tasks.remove(this);
    const h = hooksOf(loop).taskDone;
    if (h !== undefined) h.taskDone(this);
  }

  /** @internal */
  override _neverRetrievedNotice(): HandlerNotice {
    return { kind: "handler", message: "Task exception was never retrieved", task: this._noticeInfo(), exception: excStr(this._result) };
  }

  /** @internal How loop messages name this task. */
  _noticeInfo(): { name: string; coro: string; repr: string } {
    const coro = this.getCoro();
    // vclock names a missing coroutine by its type, as `type(None).__name__`.
    return { name: this._name, coro: coro === null ? "NoneType" : coro.qualname, repr: this.__repr__() };
  }

  /** Python's repr: `<Task pending name='Task-2' coro=<worker() running>>`. */
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
