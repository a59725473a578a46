/**
 * What waiting on a future means, as the timeline shows it: its label
 * ("sleep 1 s", "Semaphore", "gather (3 awaitables)") and, for a gather, a
 * TaskGroup or `asyncio.wait`, the tasks it waits for (the await graph).
 *
 * A module of its own, apart from `future.ts`, which only reads it: it
 * needs `Future` as a type only, so it can be imported first or last.
 * @internal
 */
import type { Future } from "./future.ts";

/** What a task waiting on this future is waiting for, as the timeline labels it. */
export interface WaitLabel {
  /** Short kind: "sleep", "task", "gather", "semaphore", "lock", "event", "queue", "http", "executor", "future", ... */
  readonly kind: string;
  /** e.g. "sleep 1 s", "GET httpbin.org/delay/1", "Semaphore", "Task fetch-2". */
  readonly text: string;
  /** Trace id of the object waited on (a task, a primitive...), 0 if none. */
  readonly target: number;
}

/** The label of a future nobody described. */
export const FUTURE_LABEL: WaitLabel = { kind: "future", text: "Future", target: 0 };

/** What a TaskGroup's or `wait`'s waiter waits for (see `Future._waitTargets`): one entry per such waiter, none per await. */
const waitedFor = new WeakMap<Future<any>, Iterable<Future<any>>>();

/** @internal Declares that waiting on `waiter` means waiting for `futures` (a TaskGroup's tasks, `wait`'s set). */
export function setWaitTargets(waiter: Future<any>, futures: Iterable<Future<any>>): void {
  waitedFor.set(waiter, futures);
}

/** @internal What `setWaitTargets` declared for `waiter`, if anything. */
export function waitTargetsOf(waiter: Future<any>): Iterable<Future<any>> | undefined {
  return waitedFor.get(waiter);
}

/** @internal Where trace ids are appended: an array, or the trace recorder's own log (no array in between). */
export interface IdSink {
  push(id: number): unknown;
}

/**
 * @internal Appends the trace ids of `futures` to `out` — a task's own, a
 * gather's or wait's flattened, nothing for a plain future — and returns
 * how many.
 */
export function waitTargetIds(futures: Iterable<Future<any>>, out: IdSink): number {
  let n = 0;
  for (const f of futures) {
    const nested = f._waitTargets(out);
    if (nested > 0) n += nested;
    else {
      const id = f._waitTarget();
      if (id > 0) {
        out.push(id);
        n++;
      }
    }
  }
  return n;
}
