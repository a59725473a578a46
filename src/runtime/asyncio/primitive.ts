/**
 * What every synchronization primitive shares: how the timeline sees it.
 *
 * A `Lock`, `Event`, `Condition`, `Semaphore` or `Queue` is, to the trace,
 * a `PrimitiveState` (`core/instrument.ts`): an id, a kind, a label, a value
 * and a number of waiters. It reports every change of those through the
 * `primitiveChanged` hook, and the futures its waiters wait on are labelled
 * with what they wait for, so the timeline can draw the primitive's lane
 * and say what each task waits on. How the waiting works is the one fair
 * `WaitQueue`'s (`core/wait-queue.ts`); each primitive keeps its own, with
 * its invariant written beside it.
 */
import { type Future, LabeledFuture } from "../core/future.ts";
import type { WaitLabel } from "../core/wait-label.ts";
import type { PrimitiveState } from "../core/instrument.ts";
import type { WaitQueue } from "../core/wait-queue.ts";
import { currentSession } from "../core/session.ts";
import { getRunningLoop } from "./running.ts";

/** A synchronization primitive as the trace sees it (see the module comment). */
export abstract class Primitive implements PrimitiveState {
  /** The session it was made in (its hooks; the running loop): private, as the loop's is. */
  readonly #session = currentSession();
  /** @internal Trace id (given before anything the primitive makes, such as a condition's lock). */
  readonly _id = this.#session.nextId();
  /** @internal Waiter labels, by what is waited on: built once, shared by every waiter. */
  private _labels: Map<string, WaitLabel> | null = null;
  /** The label made last (nearly every waiter of a primitive waits on the same thing). */
  private _lastLabel: WaitLabel | null = null;

  /** @internal "semaphore" | "lock" | "event" | "condition" | "queue". */
  abstract get _kind(): string;
  /** @internal The label of its lane on the timeline, e.g. "Semaphore(3)". */
  abstract get _label(): string;
  /** @internal The number its lane shows: free permits, 1 if unlocked or set, items queued. */
  abstract get _value(): number;
  /** @internal Tasks waiting on it. */
  abstract get _waiting(): number;

  /** @internal A future for a task to wait on, labelled "`what`" on the timeline. */
  _newWaiter(what: string): Future<any> {
    let label = this._lastLabel;
    if (label === null || label.text !== what) {
      const labels = (this._labels ??= new Map());
      label = labels.get(what);
      if (label === undefined) labels.set(what, (label = { kind: this._kind, text: what, target: this._id }));
      this._lastLabel = label;
    }
    return new LabeledFuture(getRunningLoop(), label as WaitLabel);
  }

  /**
   * @internal Waits on `fut` as one of `queue`'s waiters: the trace sees
   * the waiter join, and leave however the wait ends (a result, an error,
   * a cancellation).
   */
  *_waitIn(queue: WaitQueue, fut: Future<unknown>): Generator<unknown, void, unknown> {
    const node = queue.push(fut);
    this._changed();
    try {
      yield fut;
    } finally {
      queue.remove(node);
      this._changed();
    }
  }

  /** @internal Reports the current state to the trace. */
  _changed(): void {
    const h = this.#session.hooks.primitiveChanged;
    if (h !== undefined) h.primitiveChanged(this);
  }
}

/** Python's repr of a lock-like primitive: `<asyncio.locks.Lock object [locked, waiters:2]>`. */
export function locksRepr(className: string, state: string, waiters: number): string {
  return `<asyncio.locks.${className} object [${state}${waiters ? `, waiters:${waiters}` : ""}]>`;
}
