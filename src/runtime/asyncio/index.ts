/**
 * The `asyncio` module as snippets import it:
 * `import * as asyncio from "asyncio";`. Names are Python's, in camelCase
 * (`create_task` → `createTask`); every member's doc comment names its
 * Python counterpart.
 */
export { Coroutine, isCoroutine as iscoroutine } from "../core/coroutine.ts";
export { BrokenBarrierError, CancelledError, InvalidStateError, QueueEmpty, QueueFull, QueueShutDown, TimeoutError } from "../core/errors.ts";
export { Barrier } from "./barrier.ts";
export { DEFAULT_MAX_WORKERS, ThreadPoolExecutor } from "../core/executor.ts";
export { futureAddToAwaitedBy, futureDiscardFromAwaitedBy } from "./awaited-by.ts";
export { createEagerTaskFactory, eagerTaskFactory, type TaskConstructor } from "./eager.ts";
export { type CallGraphFrame, type CallGraphOptions, captureCallGraph, formatCallGraph, FrameCallGraphEntry, FutureCallGraph, printCallGraph, type PrintCallGraphOptions } from "./graph.ts";
export { Future, isFuture as isfuture } from "../core/future.ts";
export { Handle, TimerHandle } from "../core/handles.ts";
export { EventLoop as AbstractEventLoop, type CreateTaskOptions, EventLoop, type TaskFactory } from "../core/loop.ts";
export { Task } from "../core/task.ts";
export { Condition } from "./condition.ts";
export { Event } from "./event.ts";
export { Lock } from "./lock.ts";
export { BoundedSemaphore, Semaphore } from "./semaphore.ts";
export { LifoQueue, PriorityQueue, Queue } from "./queues.ts";
export { run, Runner, type RunnerOptions } from "./runners.ts";
export { allTasks, currentTask, getEventLoop, getRunningLoop } from "./running.ts";
export { sleep } from "./sleep.ts";
export { TaskGroup } from "./taskgroups.ts";
export { createTask, ensureFuture, gather, shield } from "./tasks.ts";
export { toThread } from "./threads.ts";
export { Timeout, timeout, timeoutAt } from "./timeouts.ts";
export { ALL_COMPLETED, asCompleted, FIRST_COMPLETED, FIRST_EXCEPTION, wait, waitFor } from "./waiting.ts";
