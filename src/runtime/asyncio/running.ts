/**
 * Finding the running loop and task (Python's `get_running_loop`,
 * `current_task`, `all_tasks`).
 */
import { RuntimeError } from "../core/errors.ts";
import type { EventLoop } from "../core/loop.ts";
import { currentSession } from "../core/session.ts";
import type { Task } from "../core/task.ts";

/**
 * Python's `asyncio.get_running_loop()`: the loop running the current
 * task. Raises `RuntimeError` outside `asyncio.run()` and inside an
 * executor job (a worker thread has no running loop).
 * @example
 * const loop = asyncio.getRunningLoop();
 * const result = await loop.runInExecutor(null, blockingWork);
 */
export function getRunningLoop(): EventLoop {
  const session = currentSession();
  if (session.loop === null || session.thread !== null || !session.loop.isRunning()) {
    throw new RuntimeError("no running event loop");
  }
  return session.loop;
}

/**
 * Python's `asyncio.get_event_loop()`: inside a coroutine or a callback,
 * the running loop (the same as `getRunningLoop()`, which new code should
 * call). Outside one, as in CPython 3.14, there is no current loop to
 * return: `RuntimeError: There is no current event loop in thread
 * 'MainThread'.` (3.11 created one, with a warning.)
 * @example
 * async function main() {
 *   const loop = asyncio.getEventLoop();  // older code's way of getting the loop
 *   await loop.runInExecutor(null, blockingWork);
 * }
 */
export function getEventLoop(): EventLoop {
  const loop = runningLoopOrNull();
  if (loop === null) throw new RuntimeError("There is no current event loop in thread 'MainThread'.");
  return loop;
}

/** The running loop, or null (Python's `events._get_running_loop()`). */
export function runningLoopOrNull(): EventLoop | null {
  const session = currentSession();
  return session.loop !== null && session.thread === null && session.loop.isRunning() ? session.loop : null;
}

/**
 * Python's `asyncio.current_task()`: the task running this code, or
 * `null` (`None`) outside any task.
 * @example
 * print(asyncio.currentTask()?.getName());  // "Task-1" inside main()
 */
export function currentTask(): Task | null {
  return getRunningLoop()._currentTask;
}

/**
 * Python's `asyncio.all_tasks()`: the tasks of the running loop that are
 * not done yet (a `Set`, in creation order).
 */
export function allTasks(): Set<Task> {
  return new Set(getRunningLoop()._tasks);
}
