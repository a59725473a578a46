/**
 * Eager task factories (Python 3.12+, `tasks.py`): with one set on the
 * loop, every task the loop creates starts at once, inside the call that
 * created it, and runs until its first real suspension — a coroutine that
 * never suspends is done before `createTask` (or `gather`) returns, without
 * ever going through the ready queue. That changes the interleaving a
 * timeline shows, which is why it is worth seeing.
 *
 * The eager start itself lives in `core/task.ts` (`Task._eagerStart`).
 */
import type { Coroutine } from "../core/coroutine.ts";
import type { CreateTaskOptions, EventLoop, TaskFactory } from "../core/loop.ts";
import { Task } from "../core/task.ts";

/**
 * A task class `createEagerTaskFactory` can construct: `asyncio.Task` or a
 * subclass of it (Python's `custom_task_constructor`).
 * @example
 * const ctor: asyncio.TaskConstructor = asyncio.Task;
 */
export type TaskConstructor = new <T>(loop: EventLoop, coro: Coroutine<T>, name: string | null, eagerStart: boolean) => Task<T>;

/**
 * Python's `asyncio.create_eager_task_factory(custom_task_constructor)`: a
 * task factory that creates tasks of the given class, started eagerly
 * unless `createTask` is given `{ eagerStart: false }`. With `asyncio.Task`
 * it is `asyncio.eagerTaskFactory`.
 * @example
 * class LoggedTask<T> extends asyncio.Task<T> {}
 * asyncio.getRunningLoop().setTaskFactory(asyncio.createEagerTaskFactory(LoggedTask));
 */
export function createEagerTaskFactory(customTaskConstructor: TaskConstructor): TaskFactory {
  return <T>(loop: EventLoop, coro: Coroutine<T>, options: CreateTaskOptions): Task<T> =>
    new customTaskConstructor(loop, coro, options.name ?? null, options.eagerStart ?? true);
}

/**
 * Python's `asyncio.eager_task_factory`: set it on the loop and every new
 * task starts eagerly — its coroutine runs at once, inside `createTask`,
 * until its first real `await` of something not done yet. A coroutine that
 * finishes without suspending gives a task that is already done.
 * @example
 * asyncio.getRunningLoop().setTaskFactory(asyncio.eagerTaskFactory);
 * const t = asyncio.createTask(cachedLookup("key"));  // ran already
 * print(t.done());  // true if the lookup never had to wait
 */
export const eagerTaskFactory: TaskFactory = createEagerTaskFactory(Task as unknown as TaskConstructor);
