/**
 * The event loop: one visible loop, CPython's `BaseEventLoop._run_once`.
 *
 * Each iteration: drop cancelled timers at the head of the heap; compute
 * how long the selector may wait (0 if callbacks are ready, else until the
 * earliest timer); "wait" — on a virtual clock that means letting simulated
 * threads run up to then and moving the clock; move every timer that is due
 * onto the ready queue, in (deadline, creation) order; then run exactly the
 * callbacks that were ready at that moment. Callbacks they schedule wait
 * for the next iteration. That iteration structure is observable (who
 * prints first), so it is kept exactly.
 *
 * If nothing is ready, no timer is set and no thread is running, the loop
 * would wait forever: that is a deadlock, reported instead of hanging.
 */
import type { LoopClock } from "./clock.ts";
import { Coroutine, isCoroutine } from "./coroutine.ts";
import { Deadlock, deadlockNotice } from "./deadlock.ts";
import { excStr, RuntimeError, ValueError } from "./errors.ts";
import { type DoneCallback, Future, LabeledFuture } from "./future.ts";
import { Handle, TimerHandle } from "./handles.ts";
import type { Hooks } from "./instrument.ts";
import { grantLoopAccess } from "./loop-access.ts";
import { LiveTasks } from "./live-tasks.ts";
import { RunAborted, type Session } from "./session.ts";
import { Task } from "./task.ts";
import { ThreadEvents } from "./threads.ts";
import { ThreadPoolExecutor } from "./executor.ts";
import { ReadyQueue } from "./ready-queue.ts";
import { TimerHeap } from "./timer-heap.ts";
import { functionLabel } from "./names.ts";
import { callbackName, pyReprSafe } from "./repr.ts";

/** Python's `MAXIMUM_SELECT_TIMEOUT`: the selector never waits more than a day at once. */
const MAXIMUM_SELECT_TIMEOUT = 24 * 3600;
/** Python's `time.get_clock_info('monotonic').resolution` on Linux: timers this close to now are due. */
const CLOCK_RESOLUTION = 1e-9;
const MIN_SCHEDULED_TIMER_HANDLES = 100;
const MIN_CANCELLED_TIMER_HANDLES_FRACTION = 0.5;

/** Options of `loop.createTask`. */
export interface CreateTaskOptions {
  /** The task's name (Python's `name=`); default `Task-N`. */
  name?: string | null;
  /**
   * Python's `eager_start=` (3.12+): run the coroutine at once, up to its
   * first real suspension, instead of on the next iteration. Default: false,
   * or true under an eager task factory.
   */
  eagerStart?: boolean;
}

/**
 * Python's task factory, `factory(loop, coro, **kwargs)`: what
 * `loop.createTask` calls instead of creating a `Task` itself (see
 * `loop.setTaskFactory`, `asyncio.eagerTaskFactory`).
 * @example
 * const logging: asyncio.TaskFactory = (loop, coro, options) => {
 *   print(`new task for ${coro.qualname}`);
 *   return asyncio.eagerTaskFactory(loop, coro, options);
 * };
 * asyncio.getRunningLoop().setTaskFactory(logging);
 */
export type TaskFactory = <T>(loop: EventLoop, coro: Coroutine<T>, options: CreateTaskOptions) => Task<T>;

/**
 * Python's asyncio event loop. Snippets reach it with
 * `asyncio.getRunningLoop()`; `asyncio.run(main())` creates and closes one.
 * @example
 * const loop = asyncio.getRunningLoop();
 * loop.callLater(1, () => print("one second later"));
 * print(loop.time());
 */
export class EventLoop {
  readonly #session: Session;
  readonly #hooks: Hooks;
  static {
    grantLoopAccess(
      (loop) => loop.#session,
      (loop) => loop.#hooks,
    );
  }
  /** @internal The loop's own clock (a new one per run, from the session). */
  readonly _clock: LoopClock;
  /** @internal The ready queue: tasks to step, callbacks to call, handles to run, in order. */
  readonly _ready = new ReadyQueue();
  /** @internal */ readonly _scheduled = new TimerHeap();
  /** @internal Events of simulated threads (executor jobs). */
  readonly _threads = new ThreadEvents();
  /** @internal Tasks not done yet, in creation order (Python's `all_tasks`). */
  readonly _tasks = new LiveTasks();
  /** @internal */ _currentTask: Task<any> | null = null;
  private _stopping = false;
  private _running = false;
  private _closed = false;
  private _timerCancelledCount = 0;
  private _timerSeq = 0;
  private _defaultExecutor: ThreadPoolExecutor | null = null;
  private _taskFactory: TaskFactory | null = null;
  private _executorShutdownCalled = false;
  /** @internal Tasks created for the runner's own shutdown: not drawn on the timeline. */
  _hiddenTasks = false;
  /** @internal Called when the loop closes (e.g. the default executor). */
  readonly _onClose: (() => void)[] = [];
  /** @internal Per-loop state of library modules (executors, HTTP sessions...). */
  readonly _extras = new Map<string, unknown>();

  /** Made by `asyncio.run()`, one per run; its clock comes from the session. */
  constructor(session: Session) {
    this.#session = session;
    this.#hooks = session.hooks;
    this._clock = session.newLoopClock();
  }

  /** Python's `loop.time()`: the virtual clock, in seconds since the run began. */
  time(): number {
    return this._clock.now();
  }

  /** Python's `loop.is_running()`. */
  isRunning(): boolean {
    return this._running;
  }

  /** Python's `loop.is_closed()`. */
  isClosed(): boolean {
    return this._closed;
  }

  /** Python's `loop.get_debug()`: always false here. */
  getDebug(): boolean {
    return false;
  }

  /** Python's `loop.create_future()`. */
  createFuture<T = unknown>(): Future<T> {
    return new Future<T>(this);
  }

  /**
   * Python's `loop.create_task(coro, name=None, eager_start=None)`: wraps
   * the coroutine in a task that starts on the next iteration (or at once,
   * with `eagerStart`). A task factory, if set, makes the task instead.
   * @example
   * const loop = asyncio.getRunningLoop();
   * const t = loop.createTask(work(), { name: "worker" });
   */
  createTask<T>(coro: Coroutine<T>, options: CreateTaskOptions = {}): Task<T> {
    this._checkClosed();
    if (this._taskFactory !== null) return this._taskFactory(this, coro, options);
    return new Task(this, coro, options.name ?? null, options.eagerStart ?? false);
  }

  /**
   * Python's `loop.set_task_factory(factory)`: every task the loop creates
   * from now on (`createTask`, `gather`, `TaskGroup`...) is made by
   * `factory`; `null` restores the default. `TypeError` if it is neither.
   * @example
   * asyncio.getRunningLoop().setTaskFactory(asyncio.eagerTaskFactory);
   */
  setTaskFactory(factory: TaskFactory | null): void {
    if (factory !== null && typeof factory !== "function") throw new TypeError("task factory must be a callable or None");
    this._taskFactory = factory;
  }

  /**
   * Python's `loop.get_task_factory()`: the factory set, or `null` (`None`)
   * for the default one.
   * @example
   * print(asyncio.getRunningLoop().getTaskFactory() === null);  // true
   */
  getTaskFactory(): TaskFactory | null {
    return this._taskFactory;
  }

  /** Python's `loop.call_soon(callback, *args)`: runs `callback(...args)` on the next iteration. */
  callSoon(callback: (...args: any[]) => unknown, ...args: unknown[]): Handle {
    this._checkClosed();
    checkCallable(callback, "call_soon");
    const h = new Handle(callback, args, this.#session.cursor.l);
    this._ready.push(h, undefined);
    return h;
  }

  /** Python's `loop.call_soon_threadsafe`: the same, usable from an executor job. */
  callSoonThreadsafe(callback: (...args: any[]) => unknown, ...args: unknown[]): Handle {
    return this.callSoon(callback, ...args);
  }

  /** Python's `loop.call_later(delay, callback, *args)`. */
  callLater(delay: number, callback: (...args: any[]) => unknown, ...args: unknown[]): TimerHandle {
    if (typeof delay !== "number") throw new TypeError(`unsupported operand type(s) for +: 'float' and '${typeof delay}'`);
    return this._timer(this.time() + delay, callback, args, `callLater ${delay} s`);
  }

  /** Python's `loop.call_at(when, callback, *args)`: `when` is a `loop.time()` value. */
  callAt(when: number, callback: (...args: any[]) => unknown, ...args: unknown[]): TimerHandle {
    if (typeof when !== "number") throw new TypeError("when cannot be None");
    return this._timer(when, callback, args, `callAt ${when}`);
  }

  /** @internal Schedules a timer with a label for the timeline. */
  _timer(when: number, callback: (...args: any[]) => unknown, args: readonly unknown[], label: string): TimerHandle {
    this._checkClosed();
    checkCallable(callback, "call_at");
    if (Number.isNaN(when)) throw new ValueError("Invalid delay: NaN (not a number)");
    return this._schedule(new TimerHandle(when, this._timerSeq++, callback, args, this.#session.cursor.l, this, label));
  }

  /** @internal The next timer's creation number (equal deadlines fire in this order). */
  _nextTimerSeq(): number {
    return this._timerSeq++;
  }

  /** @internal Puts a timer in the heap. */
  _schedule<H extends TimerHandle>(t: H): H {
    t._scheduled = true;
    this._scheduled.push(t);
    const h = this.#hooks.timerScheduled;
    if (h !== undefined) h.timerScheduled(t);
    return t;
  }

  /** @internal TimerOwner: counts cancelled timers still in the heap. */
  _timerCancelled(t: TimerHandle): void {
    if (t._scheduled) this._timerCancelledCount++;
    const h = this.#hooks.timerCancelled;
    if (h !== undefined) h.timerCancelled(t);
  }

  /**
   * Python's `loop.run_in_executor(executor, fn, *args)`: runs the blocking
   * function `fn(...args)` on a worker thread and returns a future for its
   * result, so the loop keeps going meanwhile. `null` means the default
   * pool (12 workers).
   * @example
   * const loop = asyncio.getRunningLoop();
   * const data = await loop.runInExecutor(null, readBigFile, "data.csv");
   */
  runInExecutor<T, A extends unknown[]>(executor: ThreadPoolExecutor | null, fn: (...args: A) => T, ...args: A): Future<T> {
    this._checkClosed();
    checkCallable(fn, "run_in_executor");
    if (executor === null) {
      if (this._executorShutdownCalled) throw new RuntimeError("Executor shutdown has been called");
      executor = this._defaultExecutor ??= new ThreadPoolExecutor();
    }
    const fut = new LabeledFuture<T>(this, { kind: "executor", text: `thread: ${functionLabel(fn)}()`, target: 0 });
    executor._submit(this, fn as (...a: unknown[]) => unknown, args, fut as Future<unknown>);
    return fut;
  }

  /** @internal Python's `loop.shutdown_default_executor()`: waits (in loop time) for the default pool's jobs. */
  _shutdownDefaultExecutor(): Coroutine<void> {
    const loop = this;
    return new Coroutine(
      (function* () {
        loop._executorShutdownCalled = true;
        const executor = loop._defaultExecutor;
        if (executor === null) return;
        executor.shutdown();
        const future = new LabeledFuture(loop, { kind: "executor", text: "executor shutdown", target: 0 });
        executor._whenIdle(() => {
          if (!loop.isClosed()) loop.callSoonThreadsafe(() => future.setResult(null));
        });
        yield future;
      })(),
      "BaseEventLoop.shutdown_default_executor",
      this.#session,
    );
  }

  /** Python's `loop.stop()`: the loop stops after the current iteration. */
  stop(): void {
    this._stopping = true;
  }

  /** Python's `loop.run_forever()`. */
  runForever(): void {
    this._checkClosed();
    if (this._running) throw new RuntimeError("This event loop is already running");
    this._running = true;
    try {
      // This `for` loop right here is the event loop.
      for (;;) {
        this._runOnce();
        if (this._stopping) break;
      }
    } finally {
      this._stopping = false;
      this._running = false;
    }
  }

  /**
   * Python's `loop.run_until_complete(future)`: runs until `future` (or the
   * task wrapping a coroutine) is done, and returns its result.
   */
  runUntilComplete<T>(future: Future<T> | Coroutine<T>): T {
    this._checkClosed();
    if (this._running) throw new RuntimeError("This event loop is already running");
    const newTask = !(future instanceof Future);
    const fut: Future<T> = future instanceof Future ? future : this.createTask(future as Coroutine<T>);
    const stopWhenDone = (f: Future) => {
      if (!f.cancelled()) f.exception();
      this.stop();
    };
    fut.addDoneCallback(stopWhenDone);
    try {
      this.runForever();
    } catch (e) {
      if (newTask && fut.done() && !fut.cancelled()) fut.exception();
      throw e;
    } finally {
      fut.removeDoneCallback(stopWhenDone);
    }
    if (!fut.done()) throw new RuntimeError("Event loop stopped before Future completed.");
    return fut.result();
  }

  /** Python's `loop.close()`. */
  close(): void {
    if (this._running) throw new RuntimeError("Cannot close a running event loop");
    if (this._closed) return;
    this._closed = true;
    for (const f of this._onClose) f();
    this._ready.clear();
  }

  /**
   * Python's `loop.call_exception_handler(context)` with the default
   * handler: reports "Exception in callback ...", "Task exception was never
   * retrieved" and the like as a loop message.
   */
  callExceptionHandler(context: { message: string; exception?: unknown; task?: Task; future?: Future }): void {
    const task = context.task ?? (context.future instanceof Task ? context.future : undefined);
    this.#session.notice({
      kind: "handler",
      message: context.message,
      ...(task ? { task: task._noticeInfo() } : context.future ? { future: "Future" } : {}),
      ...(context.exception !== undefined ? { exception: excStr(context.exception) } : {}),
    });
  }

  /**
   * @internal Blocks the loop for `seconds` (time.sleep or a blocking request
   * in a coroutine): nothing on the loop runs; worker threads go on; timers
   * that come due fire late.
   */
  _block(seconds: number, label: string): void {
    const session = this.#session;
    const h = this.#hooks.loopBlocked;
    if (h !== undefined) h.loopBlocked(seconds, label, session.cursor.l);
    const until = this.time() + seconds;
    this._threads.runUntil(this._clock, until, false);
    this._clock.advanceTo(until);
    this._checkTimeBudget();
  }

  /** @internal Schedules a future's done callback (`call_soon(cb, fut)`); a task callback wakes that task. */
  _scheduleCallback(cb: DoneCallback, fut: Future<any>): void {
    if (cb instanceof Task) cb._wakeBy(fut);
    else this._ready.push(cb, fut);
  }

  /** Python's `BaseEventLoop._run_once`. */
  private _runOnce(): void {
    const session = this.#session;
    if (session.aborted) throw session.aborted;
    const heap = this._scheduled;
    if (heap.size > MIN_SCHEDULED_TIMER_HANDLES && this._timerCancelledCount / heap.size > MIN_CANCELLED_TIMER_HANDLES_FRACTION) {
      heap.filter((t) => {
        if (t._cancelled) t._scheduled = false;
        return !t._cancelled;
      });
      this._timerCancelledCount = 0;
    } else {
      for (let head = heap.peek(); head !== undefined && head._cancelled; head = heap.peek()) {
        this._timerCancelledCount--;
        heap.pop();
        head._scheduled = false;
      }
    }

    let timeout: number | null = null;
    if (this._ready.length > 0 || this._stopping) timeout = 0;
    else if (heap.size > 0) timeout = Math.min(Math.max(heap.firstWhen() - this.time(), 0), MAXIMUM_SELECT_TIMEOUT);
    this._select(timeout);

    const endTime = this.time() + CLOCK_RESOLUTION;
    const fired = this.#hooks.timerFired;
    while (heap.firstWhen() < endTime) {
      const head = heap.pop() as TimerHandle;
      head._scheduled = false;
      this._ready.push(head, undefined);
      if (fired !== undefined && !head._cancelled) fired.timerFired(head);
    }

    const ready = this._ready;
    const ntodo = ready.length;
    for (let i = 0; i < ntodo; i++) {
      const item = ready.shift();
      if (item instanceof Task) {
        session.countStep();
        item._run(ready.shiftedArg);
      } else if (typeof item === "function") {
        session.countStep();
        this._runCallback(item, ready.shiftedArg);
      } else if (!item._cancelled) {
        session.countStep();
        this._runHandle(item);
      }
    }
  }

  /** Python's `Handle._run` for a done callback: a failing callback is reported, not propagated. */
  private _runCallback(cb: (arg: unknown) => unknown, arg: unknown): void {
    try {
      cb(arg);
    } catch (e) {
      if (e instanceof RunAborted || e instanceof Deadlock) throw e;
      this.callExceptionHandler({ message: `Exception in callback ${callbackName(cb, [arg])}`, exception: e });
    }
  }

  /** Python's `Handle._run`: a failing callback is reported, not propagated. */
  private _runHandle(h: Handle): void {
    try {
      h._run();
    } catch (e) {
      if (e instanceof RunAborted || e instanceof Deadlock) throw e;
      this.callExceptionHandler({ message: `Exception in callback ${callbackName(h.callback, h.args)}`, exception: e });
    }
  }

  /**
   * The selector's wait, on the virtual clock: let simulated threads run up
   * to the deadline (stopping early if one wakes the loop), then move the
   * clock there. `null` means wait forever, which with nothing left to
   * happen is a deadlock.
   */
  private _select(timeout: number | null): void {
    const threads = this._threads;
    if (timeout === null) {
      if (threads.size > 0 && threads.runUntil(this._clock, Infinity, true)) return;
      if (this._ready.length > 0) return;
      throw new Deadlock(deadlockNotice(this.time(), this._tasks));
    }
    const now = this.time();
    let until = now + timeout;
    const first = this._scheduled.firstWhen();
    if (first > now && Math.abs(first - until) <= 1e-9) until = first;
    if (threads.size > 0 && threads.runUntil(this._clock, until, true)) return;
    this._clock.advanceTo(until);
    this._checkTimeBudget();
  }

  private _checkTimeBudget(): void {
    const max = this.#session.budgets.maxVirtualTime;
    if (this.time() > max) {
      throw this.#session.abort("time", `Virtual time limit reached: the program ran past ${max.toLocaleString("en-US")} s of loop time.`);
    }
  }

  private _checkClosed(): void {
    if (this._closed) throw new RuntimeError("Event loop is closed");
  }

  /** Python's repr: `<EventLoop running=True closed=False debug=False>`. */
  __repr__(): string {
    return `<EventLoop running=${this._running ? "True" : "False"} closed=${this._closed ? "True" : "False"} debug=False>`;
  }
}

function checkCallable(cb: unknown, method: string): void {
  if (typeof cb !== "function") {
    throw new TypeError(isCoroutine(cb) ? `coroutines cannot be used with ${method}()` : `a callable object was expected by ${method}(), got ${pyReprSafe(cb)}`);
  }
}

