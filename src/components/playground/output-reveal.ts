/**
 * Output at the pace of the program: a line printed at loop time t appears
 * t ÷ speed seconds after the run's reply — lines at 0 s at once, and
 * lesson 1's five blocking seconds are still felt at 1× — independent of
 * the timeline (which may not have loaded yet, and dwells on each step).
 * A line once shown stays shown; changing the speed mid-way carries on
 * from the loop time reached.
 */
import type { Speed } from "../speed.ts";

export class OutputReveal {
  private readonly lines: readonly HTMLLIElement[];
  private readonly times: readonly number[];
  /** Lines before this index are shown (times are in print order, so non-decreasing). */
  private next = 0;
  private speed: Speed;
  /** Loop time reached at `since` (ms, performance.now()). */
  private reached = 0;
  private since = performance.now();
  private frame = 0;

  constructor(lines: readonly HTMLLIElement[], speed: Speed) {
    this.lines = lines;
    this.times = lines.map((li) => Number(li.dataset.time) || 0);
    this.speed = speed;
    const t = this.loopTime();
    for (let i = 0; i < lines.length; i++) if (this.times[i] > t) lines[i].setAttribute("data-hidden", "");
    this.tick();
  }

  /** True once every line is shown. */
  get done(): boolean {
    return this.next >= this.lines.length;
  }

  /** Continues at another speed from the loop time reached so far. */
  setSpeed(speed: Speed): void {
    this.reached = this.loopTime();
    this.since = performance.now();
    this.speed = speed;
    this.tick();
  }

  /** Shows every line now (the learner skipped to the end, or a new run replaces these). */
  showAll(): void {
    this.reached = Infinity;
    this.tick();
  }

  /** Stops revealing (the lines are about to be replaced). */
  dispose(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  private loopTime(): number {
    if (this.speed === "instant") return Infinity;
    return this.reached + ((performance.now() - this.since) / 1000) * this.speed;
  }

  private tick(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    const t = this.loopTime();
    const { lines, times } = this;
    let i = this.next;
    // Lines are shown in order and never hidden again.
    for (; i < lines.length && times[i] <= t; i++) lines[i].removeAttribute("data-hidden");
    this.next = i;
    if (!this.done) this.frame = requestAnimationFrame(() => this.tick());
  }
}
