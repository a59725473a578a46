import { Coroutine } from "../core/coroutine.ts";
import { getRunningLoop } from "./running.ts";

/**
 * Python's `asyncio.to_thread(fn, *args)`: runs the blocking function on
 * the default thread pool and waits for it, without blocking the loop.
 * @example
 * const text = await asyncio.toThread(readFileSlowly, "notes.txt");
 */
export function toThread<T, A extends unknown[]>(fn: (...args: A) => T, ...args: A): Coroutine<T> {
  return new Coroutine(
    (function* () {
      const loop = getRunningLoop();
      return (yield loop.runInExecutor(null, fn, ...args)) as T;
    })(),
    "to_thread",
  );
}
