/**
 * `asyncio.run(main())`, the one entry point (Python's `runners.py` with the
 * oracle's shutdown order): create a loop, run `main` as `Task-1` until it
 * is done, then cancel whatever tasks are left and let them clean up, wait
 * for the default executor, and close the loop. What Python would say when
 * the loop's objects are collected is said here, at the end.
 */
import { Coroutine, CoroState, isCoroutine } from "../core/coroutine.ts";
import { RuntimeError } from "../core/errors.ts";
import { Future } from "../core/future.ts";
import { Deadlock } from "../core/deadlock.ts";
import { EventLoop } from "../core/loop.ts";
import { currentSession } from "../core/session.ts";
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
  if ((session.loop !== null && session.loop.isRunning()) || session.thread !== null) {
    throw new RuntimeError("asyncio.run() cannot be called from a running event loop");
  }
  let coro: Coroutine<T>;
  if (isCoroutine(main)) coro = main as Coroutine<T>;
  else if (main instanceof Future) coro = new Coroutine(awaitIt(main as Future<T>), "_wrap_awaitable");
  else throw new TypeError("An asyncio.Future, a coroutine or an awaitable is required");

  const callLine = session.cursor.l;
  const loop = new EventLoop(session);
  session.loop = loop;
  session.hooks.runStarted?.runStarted(loop);
  try {
    const task = loop.createTask(coro);
    try {
      return loop.runUntilComplete(task);
    } catch (e) {
      if (!(e instanceof Deadlock)) throw e;
      session.notice(e.notice);
      return null as T;
    }
  } finally {
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
    loop.runUntilComplete(new Coroutine((function* () {})(), "BaseEventLoop.shutdown_asyncgens", loop._session));
    loop.runUntilComplete(loop._shutdownDefaultExecutor());
  } catch (e) {
    if (!(e instanceof Deadlock)) throw e;
    loop._session.notice(e.notice);
  }
}
