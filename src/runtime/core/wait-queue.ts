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

/**
 * A place in the queue; keep it to remove the waiter later. Any object with
 * these fields can be a node (a waiting `acquire()` is its own, to save an
 * object per waiter).
 */
export interface WaitNode {
  /** The future the waiting task awaits; the primitive completes it to wake the task. */
  readonly waiter: Future<any>;
  /** @internal */ prevNode: WaitNode | null;
  /** @internal */ nextNode: WaitNode | null;
  /** @internal */ queued: boolean;
}

/** A fair FIFO of waiters (see the module comment). */
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
    const node: WaitNode = { waiter: future, prevNode: null, nextNode: null, queued: false };
    this.append(node);
    return node;
  }

  /** Adds `node` (not in any queue) at the back. */
  append(node: WaitNode): void {
    node.prevNode = this.tail;
    node.nextNode = null;
    node.queued = true;
    if (this.tail === null) this.head = node;
    else this.tail.nextNode = node;
    this.tail = node;
    if (this.cursor === null) this.cursor = node;
    this.count++;
  }

  /** Removes a waiter; a no-op if it was already removed (Python's `deque.remove` guarded by `except ValueError`). */
  remove(node: WaitNode): void {
    if (!node.queued) return;
    node.queued = false;
    if (this.cursor === node) this.cursor = node.nextNode;
    if (node.prevNode === null) this.head = node.nextNode;
    else node.prevNode.nextNode = node.nextNode;
    if (node.nextNode === null) this.tail = node.prevNode;
    else node.nextNode.prevNode = node.prevNode;
    node.prevNode = node.nextNode = null;
    this.count--;
  }

  /** The first waiter, woken or not (Python's `next(iter(self._waiters))`). */
  first(): Future<any> | null {
    return this.head === null ? null : this.head.waiter;
  }

  /** Removes and returns the first waiter (Python's `popleft()`). */
  shift(): Future<any> | null {
    const node = this.head;
    if (node === null) return null;
    this.remove(node);
    return node.waiter;
  }

  /** The first waiter whose future is not done yet, or null. */
  firstPending(): Future<any> | null {
    let c = this.cursor;
    while (c !== null && c.waiter.done()) c = c.nextNode;
    this.cursor = c;
    return c === null ? null : c.waiter;
  }

  /** True if every waiter was cancelled (vacuously true when empty). */
  allCancelled(): boolean {
    for (let n = this.head; n !== null; n = n.nextNode) if (!n.waiter.cancelled()) return false;
    return true;
  }

  /** Waiters front to back. */
  *[Symbol.iterator](): IterableIterator<Future<any>> {
    for (let n = this.head; n !== null; n = n.nextNode) yield n.waiter;
  }
}
