/**
 * Python's `asyncio.TaskGroup` (`taskgroups.py`, current CPython): tasks
 * created in the group are awaited when its block exits. The first child
 * that fails cancels the others (and the block, if it is still running);
 * every error is then raised together in an `ExceptionGroup`. A child that
 * is cancelled on its own does not fail the group.
 */
import { Coroutine } from "../core/coroutine.ts";
import { CancelledError, exceptionGroup, RuntimeError } from "../core/errors.ts";
import { type Future, LabeledFuture } from "../core/future.ts";
import { setWaitTargets } from "../core/wait-label.ts";
import type { EventLoop } from "../core/loop.ts";
import type { Task } from "../core/task.ts";
import { awaitedVia } from "./awaited-by.ts";
import { currentTask, getRunningLoop } from "./running.ts";
import { taskOptions, type TaskOptions } from "./tasks.ts";

/**
 * Python's `asyncio.TaskGroup`. In a snippet: `await using tg = new
 * asyncio.TaskGroup();` at the top of a block (Python: `async with
 * asyncio.TaskGroup() as tg:`); the block's end waits for every task.
 * @example
 * {
 *   await using tg = new asyncio.TaskGroup();
 *   tg.createTask(fetch("a"));
 *   tg.createTask(fetch("b"));
 * } // both done here; if one failed, the other was cancelled and an ExceptionGroup is raised
 */
export class TaskGroup {
  private _entered = false;
  private _exiting = false;
  private _aborting = false;
  private _loop: EventLoop | null = null;
  private _parentTask: Task | null = null;
  private _parentCancelRequested = false;
  private readonly _tasks = new Set<Task>();
  private _errors: unknown[] = [];
  private _onCompletedFut: Future | null = null;

  constructor() {
    // The call graph shows every task of the group awaited by the group's parent task (CPython 3.14).
    awaitedVia(this._onTaskDone, this);
  }

  /** @internal Who awaits the group's tasks, for the call graph: its parent task. */
  get _awaiter(): Task | null {
    return this._parentTask;
  }

  /**
   * Python's `tg.create_task(coro, name=None, eager_start=None)`: starts
   * `coro` as a task of the group (at once with `{ eagerStart: true }`).
   * Raises `RuntimeError` once the group is finished or shutting down.
   * @example
   * tg.createTask(fetch("a"), { name: "fetch-a" });
   */
  createTask<T>(coro: Coroutine<T> | PromiseLike<T>, options: TaskOptions = {}): Task<T> {
    const c = coro as Coroutine<T>;
    if (!this._entered) {
      c.close?.();
      throw new RuntimeError(`TaskGroup ${this.__repr__()} has not been entered`);
    }
    if (this._exiting && this._tasks.size === 0) {
      c.close?.();
      throw new RuntimeError(`TaskGroup ${this.__repr__()} is finished`);
    }
    if (this._aborting) {
      c.close?.();
      throw new RuntimeError(`TaskGroup ${this.__repr__()} is shutting down`);
    }
    const task = (this._loop as EventLoop).createTask(c, taskOptions(options));
    this._tasks.add(task);
    task.addDoneCallback(this._onTaskDone);
    return task;
  }

  /** @internal `async with` entry. */
  __aenter__(): Coroutine<this> {
    const self = this;
    return new Coroutine(
      (function* (): Generator<unknown, TaskGroup, unknown> {
        if (self._entered) throw new RuntimeError(`TaskGroup ${self.__repr__()} has already been entered`);
        self._loop ??= getRunningLoop();
        self._parentTask = currentTask();
        if (self._parentTask === null) throw new RuntimeError(`TaskGroup ${self.__repr__()} cannot determine the parent task`);
        self._entered = true;
        return self;
      })() as Generator<unknown, this, unknown>,
      "TaskGroup.__aenter__",
    );
  }

  /** @internal `async with` exit: waits for the children, then raises what they raised. */
  __aexit__(hasError: boolean, error: unknown): Coroutine<boolean> {
    return new Coroutine(this._aexit(hasError, error), "TaskGroup.__aexit__");
  }

  /** Lets TypeScript accept `await using`; the snippet pipeline calls `__aexit__` instead, passing the block's error. */
  [Symbol.asyncDispose](): PromiseLike<void> {
    return this.__aexit__(false, undefined) as PromiseLike<unknown> as PromiseLike<void>;
  }

  private *_aexit(hasError: boolean, exc: unknown): Generator<unknown, boolean, unknown> {
    this._exiting = true;
    const parent = this._parentTask as Task;
    let propagateCancellation: unknown = hasError && exc instanceof CancelledError ? exc : null;
    if (hasError && !this._aborting) this._abort();
    while (this._tasks.size > 0) {
      if (this._onCompletedFut === null) {
        const n = this._tasks.size;
        this._onCompletedFut = new LabeledFuture(this._loop as EventLoop, { kind: "taskgroup", text: `TaskGroup (${n} ${n === 1 ? "task" : "tasks"})`, target: 0 });
        setWaitTargets(this._onCompletedFut, this._tasks);
      }
      try {
        yield this._onCompletedFut;
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        if (!this._aborting) {
          propagateCancellation = e;
          this._abort();
        }
      }
      this._onCompletedFut = null;
    }
    if (this._parentCancelRequested && parent.uncancel() === 0) propagateCancellation = null;
    if (propagateCancellation !== null && this._errors.length === 0) throw propagateCancellation;
    if (hasError && !(exc instanceof CancelledError)) this._errors.push(exc);
    if (this._errors.length > 0) {
      if (parent.cancelling()) {
        parent.uncancel();
        parent.cancel();
      }
      const errors = this._errors;
      this._errors = [];
      this._parentTask = null;
      throw exceptionGroup("unhandled errors in a TaskGroup", errors);
    }
    this._parentTask = null;
    return false;
  }

  private _abort(): void {
    this._aborting = true;
    for (const t of this._tasks) if (!t.done()) t.cancel();
  }

  private _onTaskDone = (task: Task): void => {
    this._tasks.delete(task);
    if (this._onCompletedFut !== null && this._tasks.size === 0 && !this._onCompletedFut.done()) this._onCompletedFut.setResult(true);
    if (task.cancelled()) return;
    const exc = task.exception();
    if (exc === null) return;
    this._errors.push(exc);
    const parent = this._parentTask;
    if (parent === null || parent.done()) {
      (this._loop as EventLoop).callExceptionHandler({
        message: `Task ${task.__repr__()} has errored out but its parent task ${parent?.__repr__() ?? "None"} is already completed`,
        exception: exc,
        task,
      });
      return;
    }
    if (!this._aborting && !this._parentCancelRequested) {
      this._abort();
      this._parentCancelRequested = true;
      parent.cancel();
    }
  };

  /** Python's repr: `<TaskGroup tasks=2 entered>`. */
  __repr__(): string {
    const info = [""];
    if (this._tasks.size) info.push(`tasks=${this._tasks.size}`);
    if (this._errors.length) info.push(`errors=${this._errors.length}`);
    if (this._aborting) info.push("cancelling");
    else if (this._entered) info.push("entered");
    return `<TaskGroup${info.join(" ")}>`;
  }
}
