import { Coroutine, SLEEP0 } from "../core/coroutine.ts";
import { ValueError } from "../core/errors.ts";
import { setResultUnlessCancelled } from "../core/future.ts";
import { pyTypeName } from "../core/repr.ts";
import { formatSeconds } from "./labels.ts";
import { getRunningLoop } from "./running.ts";

/**
 * Python's `asyncio.sleep(delay, result)`: suspends the current task for
 * `delay` seconds of loop time and returns `result`. `sleep(0)` (or any
 * delay ≤ 0) yields exactly once: every other ready task runs first.
 * A `NaN` delay raises `ValueError`. Forgetting `await` does nothing at
 * all (and earns "coroutine 'sleep' was never awaited").
 * @example
 * await asyncio.sleep(1);           // one second of virtual time
 * const x = await asyncio.sleep(0.5, "done");
 */
export function sleep<T = undefined>(delay: number, result?: T): Coroutine<T> {
  return new Coroutine(sleepBody(delay, result as T), "sleep");
}

function* sleepBody<T>(delay: number, result: T): Generator<unknown, T, unknown> {
  if (typeof delay !== "number") {
    throw new TypeError(`'<=' not supported between instances of '${pyTypeName(delay)}' and 'int'`);
  }
  if (delay <= 0) {
    yield SLEEP0;
    return result;
  }
  if (Number.isNaN(delay)) throw new ValueError("Invalid delay: NaN (not a number)");
  const loop = getRunningLoop();
  const future = loop.createFuture<T>();
  const label = `sleep ${formatSeconds(delay)}`;
  future._label = { kind: "sleep", text: label, target: 0 };
  const h = loop._timer(loop.time() + delay, setResultUnlessCancelled, [future, result], label);
  try {
    return (yield future) as T;
  } finally {
    h.cancel();
  }
}
