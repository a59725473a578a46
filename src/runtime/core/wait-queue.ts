/**
 * The fair wait queue every synchronization primitive is built on (trio's
 * `ParkingLot`): a FIFO of waiter futures.
 *
 * It keeps CPython's observable behaviour, where primitives hold waiters in
 * a deque and a woken waiter stays queued until its task runs and removes
 * it — which is why a `Lock` released with a waiter already woken still
 * makes a newcomer queue behind it. What it changes is the cost: waiters
 * are list nodes removed in O(1), and "first waiter not yet woken" is found
 * from a cursor that only moves forward, so a semaphore with 20,000 waiters
 * never walks them all on each release.
 *
 * Invariant: every node before `cursor` holds a done future.
 */
import type { Future } from "./future.ts";

/** A place in the queue; keep it to remove the waiter later. */
export interface WaitNode {
  readonly future: Future<any>;
  /** @internal */ prev: WaitNode | null;
  /** @internal */ next: WaitNode | null;
  /** @internal */ linked: boolean;
}

export class WaitQueue {
  private head: WaitNode | null = null;
  private tail: WaitNode | null = null;
  private cursor: WaitNode | null = null;
  private count = 0;

  /** Number of queued waiters, woken or not (Python's `len(self._waiters)`). */
  get size(): number {
    return this.count;
  }

  /** Adds a waiter at the back. */
  push(future: Future<any>): WaitNode {
    const node: WaitNode = { future, prev: this.tail, next: null, linked: true };
    if (this.tail === null) this.head = node;
    else this.tail.next = node;
    this.tail = node;
    if (this.cursor === null) this.cursor = node;
    this.count++;
    return node;
  }

  /** Removes a waiter; a no-op if it was already removed (Python's `deque.remove` guarded by `except ValueError`). */
  remove(node: WaitNode): void {
    if (!node.linked) return;
    node.linked = false;
    if (this.cursor === node) this.cursor = node.next;
    if (node.prev === null) this.head = node.next;
    else node.prev.next = node.next;
    if (node.next === null) this.tail = node.prev;
    else node.next.prev = node.prev;
    node.prev = node.next = null;
    this.count--;
  }

  /** The first waiter, woken or not (Python's `next(iter(self._waiters))`). */
  first(): Future<any> | null {
    return this.head === null ? null : this.head.future;
  }

  /** Removes and returns the first waiter (Python's `popleft()`). */
  shift(): Future<any> | null {
    const node = this.head;
    if (node === null) return null;
    this.remove(node);
    return node.future;
  }

  /** The first waiter whose future is not done yet, or null. */
  firstPending(): Future<any> | null {
    let c = this.cursor;
    while (c !== null && c.future.done()) c = c.next;
    this.cursor = c;
    return c === null ? null : c.future;
  }

  /** True if every waiter was cancelled (vacuously true when empty). */
  allCancelled(): boolean {
    for (let n = this.head; n !== null; n = n.next) if (!n.future.cancelled()) return false;
    return true;
  }

  /** Waiters front to back. */
  *[Symbol.iterator](): IterableIterator<Future<any>> {
    for (let n = this.head; n !== null; n = n.next) yield n.future;
  }
}
