/**
 * The loop's ready queue (Python's `loop._ready`): a FIFO of (item,
 * argument) pairs, O(1) at both ends.
 *
 * An entry is one of three things, and the argument says what to run it with:
 *
 * - a `Task` and the value its step resumes with (a value, an error, or the
 *   future that woke it; the task's own pending kind says which);
 * - a done callback and the future it is called with (`fut.add_done_callback(fn)`
 *   scheduled as `call_soon(fn, fut)`);
 * - a `Handle` (`callSoon`, a due timer), argument unused.
 *
 * Why pairs rather than one object per entry: Python allocates a `Handle`
 * for every callback it schedules. Here the two most frequent entries, a
 * task step and a future's callback, allocate nothing — at tens of
 * thousands of tasks per run, that is a large share of the garbage the
 * scheduler would otherwise make.
 *
 * Why a chain of fixed blocks rather than one ring buffer: a ring grows by
 * copying itself into one twice as large, and a run that readies 50,000
 * tasks at once would copy them several times and leave arrays too large
 * for the young generation; blocks are never copied, and emptied blocks
 * are kept (linked through their last slot) for the next ones needed.
 */
import type { Handle } from "./handles.ts";
import type { Task } from "./task.ts";

/** What the ready queue holds: a task to step, a done callback to call, or a handle to run. */
export type ReadyItem = Task<any> | ((arg: any) => unknown) | Handle;

/** Entries per block; a block is an array of item, argument, item, argument..., then the next block. */
const ENTRIES = 128;
const NEXT = 2 * ENTRIES;

type Block = unknown[];

function newBlock(): Block {
  return new Array(NEXT + 1).fill(undefined);
}

/** The ready queue of one loop (see the module comment). */
export class ReadyQueue {
  // Invariant: the entries are, in order, those of `head` from `headAt`,
  // then of each following block (slot NEXT links them), up to `tailAt` in
  // `tail`; every other slot is undefined, so nothing is kept alive.
  private head: Block = newBlock();
  private headAt = 0;
  private tail: Block = this.head;
  private tailAt = 0;
  /** Emptied blocks, linked through slot NEXT. */
  private spare: Block | undefined = undefined;
  private count = 0;
  /** The argument of the entry `shift()` returned last. */
  shiftedArg: unknown = undefined;

  /** Entries waiting. */
  get length(): number {
    return this.count;
  }

  /** Adds an entry at the back. */
  push(item: ReadyItem, arg: unknown): void {
    let tail = this.tail;
    let at = this.tailAt;
    if (at === NEXT) {
      let next = this.spare;
      if (next === undefined) next = newBlock();
      else {
        this.spare = next[NEXT] as Block | undefined;
        next[NEXT] = undefined;
      }
      tail[NEXT] = next;
      this.tail = tail = next;
      at = 0;
    }
    tail[at] = item;
    tail[at + 1] = arg;
    this.tailAt = at + 2;
    this.count++;
  }

  /** Removes the front entry and returns its item (its argument is left in `shiftedArg`). The queue must not be empty. */
  shift(): ReadyItem {
    let head = this.head;
    let at = this.headAt;
    if (at === NEXT) {
      const next = head[NEXT] as Block;
      head[NEXT] = this.spare;
      this.spare = head;
      this.head = head = next;
      at = 0;
    }
    const item = head[at] as ReadyItem;
    this.shiftedArg = head[at + 1];
    head[at] = undefined;
    head[at + 1] = undefined;
    this.headAt = at + 2;
    this.count--;
    return item;
  }

  /** Drops every entry. */
  clear(): void {
    this.head = this.tail = newBlock();
    this.headAt = this.tailAt = 0;
    this.spare = undefined;
    this.count = 0;
    this.shiftedArg = undefined;
  }
}
