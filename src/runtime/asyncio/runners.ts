/**
 * `asyncio.run(main())`, the one entry point, and `asyncio.Runner`, the
 * same thing in pieces (Python's `runners.py` with the oracle's shutdown
 * order): create a loop, run `main` as a task until it is done, then cancel
 * whatever tasks are left and let them clean up, wait for the default
 * executor, and close the loop. What Python would say when the loop's
 * objects are collected is said here, at the close.
 */
import { Coroutine, CoroState, isCoroutine } from "../core/coroutine.ts";
import { RuntimeError } from "../core/errors.ts";
import { Future } from "../core/future.ts";
import { Deadlock } from "../core/deadlock.ts";
import { EventLoop } from "../core/loop.ts";
import { sessionOf } from "../core/loop-access.ts";
import { currentSession, type Session } from "../core/session.ts";
import { gather } from "./tasks.ts";

/**
 * Python's `asyncio.run(main)`: runs the coroutine `main` on a new event
 * loop until it finishes, and returns its result (or raises its error).
 * Tasks still running at the end are cancelled first. It cannot be called
 * from inside a running loop.
 * @example
 * async function main() {
 *   await asyncio.gather(greet("Alice"), greet("Bob"));
 * }
 * asyncio.run(main());
 */
export function run<T>(main: Coroutine<T> | PromiseLike<T>): T {
  const session = currentSession();
  if (loopIsRunning(session)) throw new RuntimeError("asyncio.run() cannot be called from a running event loop");
  const coro = mainCoroutine(main);
  const callLine = session.cursor.l;
  const loop = openLoop(session);
  try {
    return runMain(loop, coro);
  } finally {
    closeLoop(loop, callLine);
  }
}

/**
 * Options of `new asyncio.Runner(...)` (Python's keyword arguments;
 * `loop_factory=` is not offered: the runtime has one kind of loop).
 * @example
 * const runner = new asyncio.Runner({ debug: true });
 */
export interface RunnerOptions {
  /**
   * Python's `debug=`: accepted for ported code; the loop has no debug
   * mode here (`loop.getDebug()` is always false). Default: null.
   */
  debug?: boolean | null;
}

/**
 * Python's `asyncio.Runner` (3.11+): `asyncio.run` taken apart, for
 * running several coroutines one after another on the same loop. The loop
 * is created by the first `run()` (or `getLoop()`), and `close()` cancels
 * what is left, shuts the loop down and closes it. Python's
 * `with asyncio.Runner() as runner:` is `using runner = new asyncio.Runner();`:
 * the block's end closes it.
 * @example
 * {
 *   using runner = new asyncio.Runner();
 *   runner.run(setUp());
 *   print(runner.run(main()));
 * } // closed here
 */
export class Runner {
  private _state: "created" | "initialized" | "closed" = "created";
  private _loop: EventLoop | null = null;
  /** The loop has run (the trace saw it start), so closing it is a full shutdown. */
  private _started = false;
  readonly #session = currentSession();

  /** `new asyncio.Runner()`: its loop is made at the first `run()` (or `getLoop()`). */
  constructor(options: RunnerOptions = {}) {
    void options.debug;
  }

  /**
   * Python's `runner.run(coro)`: runs `coro` as a task on the runner's loop
   * until it finishes, and returns its result (or raises its error). Tasks
   * it leaves running go on in the next `run()`. `RuntimeError` inside a
   * running loop or once the runner is closed; `TypeError` for something
   * that cannot be awaited.
   * @example
   * const answer = runner.run(compute());
   */
  run<T>(coro: Coroutine<T> | PromiseLike<T>): T {
    if (loopIsRunning(this.#session)) throw new RuntimeError("Runner.run() cannot be called from a running event loop");
    const loop = this._lazyInit();
    const main = mainCoroutine(coro);
    this.#session.loop = loop;
    if (!this._started) {
      this._started = true;
      this.#session.hooks.runStarted?.runStarted(loop);
    }
    return runMain(loop, main);
  }

  /**
   * Python's `runner.close()`: cancels the tasks still pending and waits for
   * their clean-up, shuts down the default executor and closes the loop.
   * Does nothing if the runner never ran or is closed already.
   * @example
   * runner.close();
   */
  close(): void {
    if (this._state !== "initialized") return;
    const loop = this._loop as EventLoop;
    this._loop = null;
    this._state = "closed";
    if (loopIsRunning(this.#session)) {
      // Closing runs the loop for its shutdown, which another running loop forbids; the loop is closed all the same.
      loop.close();
      throw new RuntimeError("Cannot run the event loop while another loop is running");
    }
    if (!this._started) {
      loop.close();
      return;
    }
    this.#session.loop = loop;
    closeLoop(loop, this.#session.cursor.l);
  }

  /**
   * Python's `runner.get_loop()`: the runner's event loop (created now if
   * need be). `RuntimeError('Runner is closed')` after `close()`.
   * @example
   * const loop = runner.getLoop();
   * print(loop.isRunning());  // false, between runs
   */
  getLoop(): EventLoop {
    return this._lazyInit();
  }

  private _lazyInit(): EventLoop {
    if (this._state === "closed") throw new RuntimeError("Runner is closed");
    if (this._state === "initialized") return this._loop as EventLoop;
    // Not the session's loop yet: that happens at the first run(), which may be after a loop running now has ended.
    this._loop = new EventLoop(this.#session);
    this._state = "initialized";
    return this._loop;
  }

  /** Python's `__enter__` (`with asyncio.Runner() as runner:`): the runner itself, its loop created. */
  __enter__(): this {
    this._lazyInit();
    return this;
  }

  /** Python's `__exit__`: `close()`. */
  __exit__(): boolean {
    this.close();
    return false;
  }

  /** `using runner = new asyncio.Runner();` closes it at the end of the block. */
  [Symbol.dispose](): void {
    this.close();
  }

  /** Python's repr: `<asyncio.runners.Runner object>`. */
  __repr__(): string {
    return `<asyncio.runners.Runner object>`;
  }
}

function loopIsRunning(session: Session): boolean {
  return (session.loop !== null && session.loop.isRunning()) || session.thread !== null;
}

/** The coroutine to run: `main` itself, a future wrapped (Python's `_wrap_awaitable`), else `TypeError`. */
function mainCoroutine<T>(main: Coroutine<T> | PromiseLike<T>): Coroutine<T> {
  if (isCoroutine(main)) return main as Coroutine<T>;
  if (main instanceof Future) return new Coroutine(awaitIt(main as Future<T>), "_wrap_awaitable");
  throw new TypeError("An asyncio.Future, a coroutine or an awaitable is required");
}

function openLoop(session: Session): EventLoop {
  const loop = new EventLoop(session);
  session.loop = loop;
  session.hooks.runStarted?.runStarted(loop);
  return loop;
}

/** Runs `coro` as the loop's main task; a deadlock is reported and gives `null` (`None`). */
function runMain<T>(loop: EventLoop, coro: Coroutine<T>): T {
  const task = loop.createTask(coro);
  try {
    return loop.runUntilComplete(task);
  } catch (e) {
    if (!(e instanceof Deadlock)) throw e;
    sessionOf(loop).notice(e.notice);
    return null as T;
  }
}

/** Shuts the loop down (unless the run was aborted), closes it, and says what Python says at collection. */
function closeLoop(loop: EventLoop, callLine: number): void {
  const session = sessionOf(loop);
  try {
    if (session.aborted === null) shutdown(loop);
  } finally {
    session.lastTime = loop.time();
    const leftovers = [...loop._tasks];
    loop.close();
    session.loop = null;
    for (const t of leftovers) {
      if (t.done()) continue;
      session.notice({ kind: "handler", message: "Task was destroyed but it is pending!", task: t._noticeInfo() });
      // Collecting the task collects its coroutine: if it never ran, Python warns right after.
      const coro = t._coro;
      if (coro !== null && coro.state === CoroState.Created) session.neverAwaited(coro);
    }
    session.reportUnfinishedBusiness();
    session.hooks.runEnded?.runEnded(loop);
    session.cursor.l = callLine;
  }
}

function* awaitIt<T>(f: Future<T>): Generator<unknown, T, unknown> {
  return (yield f) as T;
}

/** Python's `runners._cancel_all_tasks` (in creation order), then the default executor's shutdown. */
function shutdown(loop: EventLoop): void {
  try {
    const toCancel = [...loop._tasks];
    if (toCancel.length > 0) {
      for (const t of toCancel) t.cancel();
      loop.runUntilComplete(gather(...toCancel, { returnExceptions: true }));
      for (const t of toCancel) {
        if (t.cancelled()) continue;
        const exc = t.exception();
        if (exc !== null) loop.callExceptionHandler({ message: "unhandled exception during asyncio.run() shutdown", exception: exc, task: t });
      }
    }
    loop._hiddenTasks = true;
    loop.runUntilComplete(new Coroutine((function* () {})(), "BaseEventLoop.shutdown_asyncgens", sessionOf(loop)));
    loop.runUntilComplete(loop._shutdownDefaultExecutor());
  } catch (e) {
    if (!(e instanceof Deadlock)) throw e;
    sessionOf(loop).notice(e.notice);
  }
}
