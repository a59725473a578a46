/**
 * Which coroutines were never awaited, for Python's warning
 * "coroutine 'x' was never awaited" (said when a run ends: JavaScript
 * cannot see garbage collection, when Python says it).
 *
 * A run makes coroutines by the hundred thousand, and almost every one is
 * started: awaited right after it is made (`await asyncio.sleep(0)`), or
 * handed to a task. So the log below is cheap for those: the coroutine made
 * last is only held aside, and enters the log when the next one is made,
 * so the usual `await f()` never touches the log at all; a logged
 * coroutine knows its slot, and starting it empties the slot (or takes it
 * off the end). A coroutine a task owns is let go when the task is made —
 * the runner warns about the coroutine of a task that never ran, right
 * after "Task was destroyed but it is pending!", as Python does when it
 * collects such a task. Only what is left is looked at again, when the run
 * ends; a full log is compacted (keeping creation order) if at least half
 * of it is empty, else it grows by a block of 1,024 slots. Blocks are never
 * copied: a log grown by doubling one array allocated 39 bytes per task of
 * a 20,000-task gather, in arrays too large for the young generation.
 * Before, every coroutine was read back twice, which at 50,000 tasks was
 * the cost of a few percent of a run.
 */
import { type Coroutine, CoroState } from "./coroutine.ts";

/** Entries per block of the log: blocks are never copied, and each stays small enough for the young generation. */
const BLOCK_BITS = 10;
const BLOCK = 1 << BLOCK_BITS;
const IN_BLOCK = BLOCK - 1;

function newBlock(): (Coroutine | undefined)[] {
  return new Array(BLOCK).fill(undefined);
}

/** A session's log of coroutines not known to be started (see the module comment). */
export class UnstartedCoroutines {
  // Invariant: for i < count, slot i (entry i & IN_BLOCK of block
  // i >> BLOCK_BITS) is undefined or a coroutine c with c._slot === i;
  // `emptied` counts the undefined ones below `count`; slots at or above
  // `count` are undefined; `last`, if any, has `_slot` -1. A coroutine let
  // go has `_slot` -1 and is neither `last` nor in the log: it is never
  // reported from here.
  private blocks: (Coroutine | undefined)[][] = [newBlock()];
  private count = 0;
  private emptied = 0;
  /** The coroutine made last, not logged yet (it comes after every logged one). */
  private last: Coroutine | null = null;

  /** Notes a coroutine just made. */
  add(c: Coroutine): void {
    const prev = this.last;
    this.last = c;
    if (prev !== null) this.log(prev);
  }

  /** `c` is started, or owned by a task: it will not be reported from here. */
  remove(c: Coroutine): void {
    if (c === this.last) {
      this.last = null;
      return;
    }
    const i = c._slot;
    if (i < 0) return;
    c._slot = -1;
    this.blocks[i >> BLOCK_BITS][i & IN_BLOCK] = undefined;
    if (i === this.count - 1) this.count = i;
    else this.emptied++;
  }

  /** The coroutines never started, in creation order; empties the log. */
  takeUnstarted(): Coroutine[] {
    if (this.last !== null) {
      this.log(this.last);
      this.last = null;
    }
    const out: Coroutine[] = [];
    for (let i = 0; i < this.count; i++) {
      const block = this.blocks[i >> BLOCK_BITS];
      const c = block[i & IN_BLOCK];
      if (c === undefined) continue;
      block[i & IN_BLOCK] = undefined;
      c._slot = -1;
      if (c.state === CoroState.Created) out.push(c);
    }
    this.count = this.emptied = 0;
    this.blocks.length = 1;
    return out;
  }

  private log(c: Coroutine): void {
    if (this.count === this.blocks.length * BLOCK) this.makeRoom();
    const i = this.count++;
    this.blocks[i >> BLOCK_BITS][i & IN_BLOCK] = c;
    c._slot = i;
  }

  /**
   * Drops the emptied slots if at least half are, else adds a block
   * without touching any coroutine (a program that makes thousands of
   * coroutines before handing them to `gather` has nothing to drop yet,
   * and moving them would rewrite every slot).
   */
  private makeRoom(): void {
    const blocks = this.blocks;
    if (this.emptied * 2 < this.count) {
      blocks.push(newBlock());
      return;
    }
    let j = 0;
    for (let i = 0; i < this.count; i++) {
      const c = blocks[i >> BLOCK_BITS][i & IN_BLOCK];
      if (c === undefined) continue;
      blocks[i >> BLOCK_BITS][i & IN_BLOCK] = undefined;
      blocks[j >> BLOCK_BITS][j & IN_BLOCK] = c;
      c._slot = j++;
    }
    this.count = j;
    this.emptied = 0;
    blocks.length = (j >> BLOCK_BITS) + 1;
  }
}
