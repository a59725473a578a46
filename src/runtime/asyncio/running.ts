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
