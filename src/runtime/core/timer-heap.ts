import { type TimerHandle, timerBefore } from "./handles.ts";

/**
 * A binary min-heap of timers ordered by (deadline, creation).
 *
 * Inserting and popping are O(log n), so 30,000 sleeping tasks cost no more
 * per timer than ten (a sorted array with `splice` would make W4 quadratic).
 */
export class TimerHeap {
  private items: TimerHandle[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): TimerHandle | undefined {
    return this.items[0];
  }

  push(t: TimerHandle): void {
    const a = this.items;
    let i = a.length;
    a.push(t);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!timerBefore(t, a[p])) break;
      a[i] = a[p];
      i = p;
    }
    a[i] = t;
  }

  pop(): TimerHandle | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) this.siftDown(last);
    return top;
  }

  /** Drops every entry for which `keep` is false and restores the heap (Python's cleanup of cancelled timers). */
  filter(keep: (t: TimerHandle) => boolean): void {
    this.items = this.items.filter(keep);
    for (let i = (this.items.length >> 1) - 1; i >= 0; i--) this.siftDownFrom(i);
  }

  /** All timers, in no particular order (for inspection and deadlock reports). */
  all(): readonly TimerHandle[] {
    return this.items;
  }

  private siftDown(t: TimerHandle): void {
    this.items[0] = t;
    this.siftDownFrom(0);
  }

  private siftDownFrom(start: number): void {
    const a = this.items;
    const n = a.length;
    const t = a[start];
    let i = start;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && timerBefore(a[c + 1], a[c])) c++;
      if (!timerBefore(a[c], t)) break;
      a[i] = a[c];
      i = c;
    }
    a[i] = t;
  }
}
