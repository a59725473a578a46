/**
 * The loop's ready queue (Python's `loop._ready`): a FIFO ring buffer of
 * (item, argument) pairs, O(1) at both ends.
 *
 * An entry is one of three things, and the argument says what to run it with:
 *
 * - a `Task` and the value its step resumes with (a value, an error, or the
 *   future that woke it; the task's own `_pending` says which);
 * - a done callback and the future it is called with (`fut.add_done_callback(fn)`
 *   scheduled as `call_soon(fn, fut)`);
 * - a `Handle` (`callSoon`, a due timer), argument unused.
 *
 * Why pairs rather than one object per entry: Python allocates a `Handle`
 * for every callback it schedules. Here the two most frequent entries, a
 * task step and a future's callback, allocate nothing — at tens of
 * thousands of tasks per run, that is a large share of the garbage the
 * scheduler would otherwise make.
 */
import type { Handle } from "./handles.ts";
import type { Task } from "./task.ts";

/** What the ready queue holds: a task to step, a done callback to call, or a handle to run. */
export type ReadyItem = Task<any> | ((arg: any) => unknown) | Handle;

export class ReadyQueue {
  // Invariant: the live entries are items[(head + i) & mask] for i < count; every other slot is undefined (nothing kept alive).
  private items: (ReadyItem | undefined)[];
  private args: unknown[];
  private mask: number;
  private head = 0;
  private count = 0;
  /** The argument of the entry `shift()` returned last. */
  shiftedArg: unknown = undefined;

  constructor() {
    this.items = new Array(64).fill(undefined);
    this.args = new Array(64).fill(undefined);
    this.mask = 63;
  }

  /** Entries waiting. */
  get length(): number {
    return this.count;
  }

  /** Adds an entry at the back. */
  push(item: ReadyItem, arg: unknown): void {
    if (this.count > this.mask) this.grow();
    const i = (this.head + this.count) & this.mask;
    this.items[i] = item;
    this.args[i] = arg;
    this.count++;
  }

  /** Removes the front entry and returns its item (its argument is left in `shiftedArg`). The queue must not be empty. */
  shift(): ReadyItem {
    const i = this.head;
    const item = this.items[i] as ReadyItem;
    this.shiftedArg = this.args[i];
    this.items[i] = undefined;
    this.args[i] = undefined;
    this.head = (i + 1) & this.mask;
    this.count--;
    return item;
  }

  /** Items front to back, for inspection. */
  toArray(): ReadyItem[] {
    const out: ReadyItem[] = [];
    for (let i = 0; i < this.count; i++) out.push(this.items[(this.head + i) & this.mask] as ReadyItem);
    return out;
  }

  /**
   * Drops every entry. (Its buffers are not handed to the next run's
   * queue: an array two runs share could carry the first run's accessors
   * into the second, which the sandbox's lockdown exists to prevent.)
   */
  clear(): void {
    this.items = new Array(64).fill(undefined);
    this.args = new Array(64).fill(undefined);
    this.mask = 63;
    this.head = 0;
    this.count = 0;
    this.shiftedArg = undefined;
  }

  private grow(): void {
    const n = this.items.length;
    const size = n * 2;
    const items = new Array<ReadyItem | undefined>(size).fill(undefined);
    const args = new Array<unknown>(size).fill(undefined);
    for (let i = 0; i < this.count; i++) {
      items[i] = this.items[(this.head + i) & this.mask];
      args[i] = this.args[(this.head + i) & this.mask];
    }
    this.items = items;
    this.args = args;
    this.mask = size - 1;
    this.head = 0;
  }
}
