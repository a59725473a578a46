/**
 * Which coroutines were never awaited, for Python's warning
 * "coroutine 'x' was never awaited" (said when a run ends: JavaScript
 * cannot see garbage collection, when Python says it).
 *
 * A run makes coroutines by the hundred thousand, and almost every one is
 * started: awaited right after it is made (`await asyncio.sleep(0)`), or
 * handed to a task. So the log below is cheap for those: a coroutine knows
 * its slot; starting it flags the slot (or, if it was the last one made,
 * takes it off the end), and a coroutine a task owns is flagged when the
 * task is made — the runner warns about the coroutine of a task that never
 * ran, right after "Task was destroyed but it is pending!", as Python does
 * when it collects such a task. Only unflagged slots are ever looked at
 * again, when the run ends; a full log is compacted (keeping creation
 * order) if mostly flagged, else doubled. Before, every coroutine was read
 * back twice, which at 50,000 tasks was the cost of a few percent of a run.
 */
import { type Coroutine, CoroState } from "./coroutine.ts";

export class UnstartedCoroutines {
  // Invariant: for i < count, coros[i]._slot === i; started[i] is 1 once
  // coros[i] was started or taken by a task (it is then never reported and
  // its `_slot` is -1).
  private coros: (Coroutine | undefined)[] = new Array(1024).fill(undefined);
  private started = new Uint8Array(1024);
  private count = 0;

  /** Logs a coroutine just made. */
  add(c: Coroutine): void {
    if (this.count === this.coros.length) this.compact();
    const i = this.count++;
    this.coros[i] = c;
    this.started[i] = 0;
    c._slot = i;
  }

  /** `c` is started, or owned by a task: it will not be reported from here. */
  remove(c: Coroutine): void {
    const i = c._slot;
    if (i < 0) return;
    c._slot = -1;
    if (i === this.count - 1) {
      this.coros[i] = undefined;
      this.count = i;
    } else {
      this.started[i] = 1;
    }
  }

  /** The logged coroutines never started, in creation order; empties the log. */
  takeUnstarted(): Coroutine[] {
    const out: Coroutine[] = [];
    for (let i = 0; i < this.count; i++) {
      const c = this.coros[i] as Coroutine;
      this.coros[i] = undefined;
      if (this.started[i] === 1) continue;
      c._slot = -1;
      if (c.state === CoroState.Created) out.push(c);
    }
    this.count = 0;
    return out;
  }

  /**
   * Makes room: drops the flagged entries if at least half are flagged,
   * else doubles the log without touching any coroutine (a program that
   * makes thousands of coroutines before handing them to `gather` has
   * nothing to drop yet, and moving them would rewrite every slot).
   */
  private compact(): void {
    const n = this.count;
    const started = this.started;
    let flagged = 0;
    for (let i = 0; i < n; i++) flagged += started[i];
    if (flagged * 2 < n) {
      this.coros = this.coros.concat(new Array(this.coros.length).fill(undefined));
      const bigger = new Uint8Array(started.length * 2);
      bigger.set(started);
      this.started = bigger;
      return;
    }
    const coros = this.coros;
    let j = 0;
    for (let i = 0; i < n; i++) {
      if (started[i] === 1) continue;
      const c = coros[i] as Coroutine;
      coros[j] = c;
      started[j] = 0;
      c._slot = j++;
    }
    coros.fill(undefined, j, n);
    this.count = j;
  }
}
