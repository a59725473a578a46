/**
 * Who awaits a future, for the call graph (Python 3.14's
 * `future._asyncio_awaited_by`).
 *
 * CPython keeps a set on every future and updates it on every await. The
 * runtime does not: the answer is derived, when someone asks, from what it
 * keeps anyway (see `graph.ts`): a task blocked on a future is one of that
 * future's done callbacks and has it as `_futWaiter`; the callbacks that
 * `gather`, `TaskGroup`, `wait` and `shield` put on their children are
 * registered here once, with the task they stand for. So the hot paths pay
 * one `WeakMap.set` per `gather`/`wait`/`shield` call and per `TaskGroup`,
 * nothing per await. (The value is the task itself, or the TaskGroup, never
 * a closure: a closure over `gather`'s locals kept as a WeakMap value made a
 * 20,000-child gather a third slower.)
 *
 * The one difference: CPython forgets such a link when the callback *runs*
 * (the iteration after the child finished); here it goes when the child
 * finishes, since its callbacks are handed to the loop then.
 */
import type { DoneCallback, Future } from "../core/future.ts";
import { isFuture } from "../core/future.ts";
import { Task } from "../core/task.ts";

/** Who a registered callback stands for: the waiting task, or an owner that knows it when asked (a TaskGroup: its parent task). */
export type Awaiter = Future | { readonly _awaiter: Future | null };

const standsFor = new WeakMap<object, Awaiter>();
const manual = new WeakMap<Future, Set<Future>>();

/**
 * @internal Declares that a future having `callback` among its done
 * callbacks is awaited by `waiter` (a task, or the owner that knows it).
 */
export function awaitedVia(callback: DoneCallback, waiter: Awaiter): void {
  standsFor.set(callback, waiter);
}

/** The waiter a done callback stands for, if it was declared with `awaitedVia`. */
function waiterOfCallback(callback: DoneCallback): Future | null {
  const w = standsFor.get(callback);
  return w === undefined ? null : isFuture(w) ? w : w._awaiter;
}

/** Waiters added by hand with `futureAddToAwaitedBy`, in the order added. */
function manualWaiters(fut: Future): Iterable<Future> {
  return manual.get(fut) ?? [];
}

/**
 * Python's `asyncio.future_add_to_awaited_by(fut, waiter)` (3.14): records
 * that `waiter` (a task) awaits `fut`, for code that makes a task wait
 * without awaiting the future itself, so that `captureCallGraph` still
 * shows the link. Does nothing unless both are futures.
 * @example
 * asyncio.futureAddToAwaitedBy(job, asyncio.currentTask()!);
 * // ... wait for job some other way ...
 * asyncio.futureDiscardFromAwaitedBy(job, asyncio.currentTask()!);
 */
export function futureAddToAwaitedBy(fut: Future<any>, waiter: Future<any>): void {
  if (!isFuture(fut) || !isFuture(waiter)) return;
  let set = manual.get(fut);
  if (set === undefined) manual.set(fut, (set = new Set()));
  set.add(waiter);
}

/**
 * Python's `asyncio.future_discard_from_awaited_by(fut, waiter)` (3.14):
 * undoes `futureAddToAwaitedBy`. Does nothing if the link is not there.
 * @example
 * asyncio.futureDiscardFromAwaitedBy(job, asyncio.currentTask()!);
 */
export function futureDiscardFromAwaitedBy(fut: Future<any>, waiter: Future<any>): void {
  if (!isFuture(fut) || !isFuture(waiter)) return;
  manual.get(fut)?.delete(waiter);
}

/**
 * @internal Python's `future._asyncio_awaited_by`, derived: tasks blocked
 * on `fut`, the callers of a `gather`/`wait`/`shield` it is part of, the
 * parent of a `TaskGroup` it belongs to, and links added by hand.
 */
export function awaitersOf(fut: Future<any>): Future<any>[] {
  const out = new Set<Future<any>>();
  if (!fut.done()) {
    const cbs = fut._callbacks;
    for (const cb of cbs === null ? [] : Array.isArray(cbs) ? cbs : [cbs]) {
      if (cb instanceof Task) {
        if (cb._futWaiter === fut) out.add(cb);
      } else {
        const w = waiterOfCallback(cb);
        if (w !== null) out.add(w);
      }
    }
  } else {
    // Done: its waiters were handed to the loop; until they run, they still wait on it (their `_futWaiter`).
    for (const t of fut._loop._tasks) if (t._futWaiter === fut) out.add(t);
  }
  for (const w of manualWaiters(fut)) out.add(w);
  return [...out];
}
