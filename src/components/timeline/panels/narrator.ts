/**
 * Narration for screen readers: an ARIA live region (polite) that says
 * what the playhead passes. During playback it speaks at most every
 * `GAP_MS`, and only the events that matter to a listener (output, tasks
 * finishing, the loop blocking, timeouts), a few at a time; a step made by
 * the learner (arrow keys, a click) is said at once, in full.
 */
import { describe } from "../describe.ts";
import { CODE } from "../../../runtime/trace-api.ts";
import type { TimelineModel } from "../model/model.ts";
import { fmtTime } from "../scale.ts";

export const GAP_MS = 2500;

const NOTABLE = new Set<number>([CODE.print, CODE["task.done"], CODE["loop.block"], CODE["run.end"]]);

export class Narrator {
  readonly root: HTMLElement;
  private lastSaid = -Infinity;
  private pending: number[] = [];
  private timer = 0;

  constructor() {
    this.root = document.createElement("p");
    this.root.className = "al-tl-live al-sr";
    this.root.setAttribute("aria-live", "polite");
    this.root.setAttribute("aria-atomic", "true");
  }

  /** Says `text` now (a learner's own action). */
  say(text: string): void {
    this.pending = [];
    this.flushLater(0);
    this.put(text);
  }

  /** The learner stepped to `order`. */
  step(model: TimelineModel, order: number): void {
    if (order < 0) return this.say("Before the first event.");
    const d = describe(model, order);
    const line = model.lines[order];
    this.say(`${fmtTime(model.t(order))}, event ${order + 1} of ${model.count}: ${d.who} ${d.what}. ${d.detail}${line > 0 ? `. Line ${line}` : ""}.`);
  }

  /** Playback passed the events after `from` up to `to`. */
  passed(model: TimelineModel, from: number, to: number): void {
    const { kind, a } = model.trace.columns;
    for (let k = Math.max(0, from + 1); k <= to; k++) {
      if (NOTABLE.has(kind[k]) || (kind[k] === CODE["timer.fire"] && (model.labels.get(a[k]) ?? "").startsWith("timeout"))) {
        this.pending.push(k);
        if (this.pending.length > 64) this.pending.splice(0, this.pending.length - 64);
      }
    }
    if (this.pending.length === 0) return;
    const wait = Math.max(0, this.lastSaid + GAP_MS - performance.now());
    this.flushLater(wait, model);
  }

  /** Playback stopped: drop what was not said. */
  stop(): void {
    this.pending = [];
    this.flushLater(0);
  }

  private flushLater(ms: number, model?: TimelineModel): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = 0;
    if (!model) return;
    this.timer = window.setTimeout(() => {
      this.timer = 0;
      const items = this.pending;
      this.pending = [];
      if (items.length === 0) return;
      const shown = items.slice(-3);
      const parts = shown.map((k) => {
        const d = describe(model, k);
        return `${d.who} ${d.what === "prints" ? "prints" : d.what}${d.what === "prints" || d.what === "error" ? `: ${d.detail}` : ""}`;
      });
      const more = items.length > shown.length ? ` (and ${items.length - shown.length} earlier)` : "";
      this.put(`${fmtTime(model.t(shown[shown.length - 1]))}: ${parts.join("; ")}${more}.`);
    }, ms);
  }

  private put(text: string): void {
    this.lastSaid = performance.now();
    this.root.textContent = text;
  }
}
