/**
 * The loop's timers (Python's `loop._scheduled`): a binary min-heap
 * ordered by (deadline, creation), so equal deadlines fire in the order
 * they were scheduled.
 *
 * Inserting and popping are O(log n), so 30,000 sleeping tasks cost no more
 * per timer than ten (a sorted array with `splice` would make W4
 * quadratic). The keys live in typed arrays beside the timers: a pop
 * compares about 2 log n keys, and reading them from the timer objects,
 * scattered over the heap memory, made sifting the largest cost of a run of
 * many timers. (Plain arrays of numbers, not typed arrays: the engine keeps
 * them unboxed all the same, and a typed array's separate buffer is
 * promoted out of the young generation at once, a cost every run would pay.)
 */
import type { TimerHandle } from "./handles.ts";

/** The timers of one loop (see the module comment). */
export class TimerHeap {
  // Invariant: for every i > 0, the key (when[i], seq[i]) is not less than
  // its parent's at (i - 1) >> 1; items[i] is the timer with that key.
  private items: (TimerHandle | undefined)[] = [];
  private when: number[] = [];
  private seq: number[] = [];
  private count = 0;

  /** Timers in the heap (cancelled ones included until they are dropped). */
  get size(): number {
    return this.count;
  }

  /** The earliest timer, or undefined. */
  peek(): TimerHandle | undefined {
    return this.count > 0 ? this.items[0] : undefined;
  }

  /** The earliest deadline, Infinity if there is no timer (read from the keys, not the timer). */
  firstWhen(): number {
    return this.count > 0 ? this.when[0] : Infinity;
  }

  /** Adds a timer. */
  push(t: TimerHandle): void {
    const when = this.when;
    const seq = this.seq;
    const items = this.items;
    const w = t.when;
    const s = t.seq;
    let i = this.count++;
    when.push(0);
    seq.push(0);
    items.push(undefined);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!(w < when[p] || (w === when[p] && s < seq[p]))) break;
      when[i] = when[p];
      seq[i] = seq[p];
      items[i] = items[p];
      i = p;
    }
    when[i] = w;
    seq[i] = s;
    items[i] = t;
  }

  /** Removes and returns the earliest timer, or undefined. */
  pop(): TimerHandle | undefined {
    if (this.count === 0) return undefined;
    const top = this.items[0];
    const last = --this.count;
    const w = this.when.pop() as number;
    const s = this.seq.pop() as number;
    const t = this.items.pop() as TimerHandle;
    if (last > 0) this.siftDown(0, w, s, t);
    return top;
  }

  /** Drops every timer for which `keep` is false and restores the heap (Python's cleanup of cancelled timers). */
  filter(keep: (t: TimerHandle) => boolean): void {
    let j = 0;
    for (let i = 0; i < this.count; i++) {
      const t = this.items[i] as TimerHandle;
      if (!keep(t)) continue;
      this.items[j] = t;
      this.when[j] = this.when[i];
      this.seq[j] = this.seq[i];
      j++;
    }
    this.items.length = j;
    this.when.length = j;
    this.seq.length = j;
    this.count = j;
    for (let i = (j >> 1) - 1; i >= 0; i--) this.siftDown(i, this.when[i], this.seq[i], this.items[i] as TimerHandle);
  }

  /** Puts the timer (w, s, t) at `start` or below, moving smaller children up. */
  private siftDown(start: number, w: number, s: number, t: TimerHandle): void {
    const when = this.when;
    const seq = this.seq;
    const items = this.items;
    const n = this.count;
    let i = start;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && (when[c + 1] < when[c] || (when[c + 1] === when[c] && seq[c + 1] < seq[c]))) c++;
      if (!(when[c] < w || (when[c] === w && seq[c] < s))) break;
      when[i] = when[c];
      seq[i] = seq[c];
      items[i] = items[c];
      i = c;
    }
    when[i] = w;
    seq[i] = s;
    items[i] = t;
  }
}
