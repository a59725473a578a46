/**
 * Simulated threads: the events of executor workers, in virtual time.
 *
 * Worker threads never run beside the loop here. A job's function runs
 * when the loop would wait (in `select`, or while it is blocked by
 * `time.sleep`), at the job's start time; each `time.sleep` inside it moves
 * only the job's own clock. What the job prints and its completion become
 * timed events, delivered when the loop's clock reaches them. Events due at
 * the same instant as a loop timer are delivered first, as in the oracle.
 */
import type { LoopClock } from "./clock.ts";

interface ThreadEvent {
  readonly time: number;
  readonly seq: number;
  /** Runs the event; returns true if it woke the loop (scheduled a callback on it). */
  readonly run: () => boolean;
}

function before(a: ThreadEvent, b: ThreadEvent): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}

/** The timed events of all simulated threads, earliest first. */
export class ThreadEvents {
  private heap: ThreadEvent[] = [];
  private seq = 0;

  /** Events not run yet. */
  get size(): number {
    return this.heap.length;
  }

  /** Schedules `run` at virtual time `time`. */
  push(time: number, run: () => boolean): void {
    const h = this.heap;
    const ev: ThreadEvent = { time, seq: this.seq++, run };
    let i = h.length;
    h.push(ev);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(ev, h[p])) break;
      h[i] = h[p];
      i = p;
    }
    h[i] = ev;
  }

  /** Time of the earliest event, or undefined. */
  nextTime(): number | undefined {
    return this.heap[0]?.time;
  }

  /**
   * Runs the events due at or before `until`, moving `clock` to each. With
   * `stopOnWake`, returns true right after an event wakes the loop (the
   * selector would return then); otherwise runs them all.
   */
  runUntil(clock: LoopClock, until: number, stopOnWake: boolean): boolean {
    let woke = false;
    while (this.heap.length > 0 && this.heap[0].time <= until) {
      const ev = this.pop();
      clock.advanceTo(ev.time);
      if (ev.run()) {
        woke = true;
        if (stopOnWake) return true;
      }
    }
    return woke;
  }

  private pop(): ThreadEvent {
    const h = this.heap;
    const top = h[0];
    const last = h.pop() as ThreadEvent;
    if (h.length > 0) {
      let i = 0;
      const n = h.length;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && before(h[c + 1], h[c])) c++;
        if (!before(h[c], last)) break;
        h[i] = h[c];
        i = c;
      }
      h[i] = last;
    }
    return top;
  }
}
