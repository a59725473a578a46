/**
 * "At the playhead": the current event in words, and the loop's state
 * there — who runs, the ready queue, the timers, who waits on what — as
 * lists a learner (or a screen reader) can read; and, when opened, who
 * awaits whom (await-view.ts).
 */
import { el } from "../../dom.ts";
import { describe } from "../describe.ts";
import type { TimelineModel } from "../model/model.ts";
import { fmtCount, fmtTime } from "../scale.ts";
import type { LoopState, LoopStateIndex } from "../state/loop-state.ts";
import { AwaitView } from "./await-view.ts";

function chip(text: string, kind = ""): HTMLSpanElement {
  return el("span", `al-tl-chip${kind ? ` al-tl-chip-${kind}` : ""}`, text);
}

export class StatePanel {
  readonly root: HTMLElement;
  private readonly now: HTMLParagraphElement;
  private readonly boxes: HTMLElement;
  private readonly running: HTMLElement;
  private readonly ready: HTMLElement;
  private readonly timers: HTMLElement;
  private readonly waiting: HTMLElement;
  private readonly extra: HTMLElement;
  private readonly awaits: AwaitView;

  /** `onLane(task)`: the learner asked to see a task's lane (from the await graph). */
  constructor(onLane: (task: number) => void) {
    this.root = el("div", "al-tl-state");
    this.now = el("p", "al-tl-now");
    this.boxes = el("div", "al-tl-boxes");
    const box = (title: string, hint: string) => {
      const b = el("div", "al-tl-box");
      const t = el("p", "al-tl-box-title", title);
      if (hint) t.append(el("span", "al-tl-box-hint", ` ${hint}`));
      const body = el("div", "al-tl-box-body");
      b.append(t, body);
      this.boxes.append(b);
      return body;
    };
    this.running = box("Running", "");
    this.ready = box("Ready queue", "next first");
    this.timers = box("Timers", "earliest first");
    this.waiting = box("Waiting", "on what");
    this.extra = el("p", "al-tl-extra");
    this.awaits = new AwaitView(onLane);
    this.root.append(this.now, this.boxes, this.extra, this.awaits.root);
  }

  /** Shows the state `index` is at (`s`: its view); `playing`: the playhead moves by itself. */
  update(model: TimelineModel, s: LoopState, index: LoopStateIndex, playing = false): void {
    const n = model.count;
    const name = (id: number) => model.taskName(id);
    // The current event.
    this.now.replaceChildren();
    this.now.append(el("span", "al-tl-now-time", fmtTime(s.time)));
    if (s.order < 0) {
      this.now.append(el("span", "al-tl-now-step", `before the first of ${fmtCount(n)} events`));
    } else {
      const d = describe(model, s.order);
      const line = model.lines[s.order];
      this.now.append(el("span", "al-tl-now-step", `event ${fmtCount(s.order + 1)} of ${fmtCount(n)}`), el("strong", "", d.who), ` ${d.what}: ${d.detail}`);
      if (line > 0) this.now.append(el("span", "al-tl-now-line", `line ${line}`));
    }
    // Running.
    this.running.replaceChildren();
    if (s.blocked) {
      const p = el("p", "al-tl-blocked");
      p.append(chip(s.blocked.task ? name(s.blocked.task) : "the loop", "blocked"), ` blocks the loop: ${s.blocked.label} until ${fmtTime(s.blocked.until)}. Nothing else can run; no timer fires.`);
      this.running.append(p);
    } else if (s.running && s.inside) {
      // An eager task's first step: it runs inside its creator's call, never having been on the ready queue.
      const p = el("p");
      p.append(chip(name(s.running), "running"), ` eagerly, inside ${name(s.inside)}'s createTask call (it skipped the ready queue; ${name(s.inside)} goes on when it first waits)`);
      this.running.append(p);
    } else if (s.running) {
      this.running.append(chip(name(s.running), "running"));
    } else {
      this.running.append(el("p", "al-tl-empty", s.order >= n - 1 && n > 0 ? "nothing: the run is over" : "nothing: the loop waits for the next timer or I/O"));
    }
    fillList(this.ready, "ol", "al-tl-list al-tl-queue", s.ready, s.readyCount, "empty", `+ ${fmtCount(s.readyCount - s.ready.length)} more`, (li, t) => li.append(chip(name(t), "ready")));
    fillList(this.timers, "ul", "al-tl-list", s.timers, s.timerCount, "none", `+ ${fmtCount(s.timerCount - s.timers.length)} more`, (li, t) => {
      li.append(el("span", "al-tl-when", fmtTime(t.when)), ` ${t.label}`);
      if (t.task) li.append(el("span", "al-tl-dim", ` (${name(t.task)})`));
      if (t.when < s.time - 1e-9) li.append(el("span", "al-tl-late", " overdue"));
    });
    // Waiting, grouped by what.
    const groups = s.groups;
    fillList(this.waiting, "ul", "al-tl-list", groups.slice(0, 6), groups.length, "nobody", `+ ${groups.length - 6} more kinds of wait`, (li, g) => {
      li.append(el("span", "al-tl-what", g.text), ": ");
      g.tasks.forEach((t, i) => {
        if (i) li.append(" ");
        li.append(chip(name(t)));
      });
      if (g.count > g.tasks.length) li.append(el("span", "al-tl-dim", ` + ${fmtCount(g.count - g.tasks.length)} more`));
    });
    // Threads, requests, finished tasks.
    const parts: string[] = [];
    if (s.jobs.length) parts.push(`Executor: ${s.jobs.map((j) => `thread ${j.worker} runs ${j.label}`).join(", ")}${s.queuedJobs ? `; ${s.queuedJobs} queued` : ""}.`);
    if (s.inFlight) parts.push(`${fmtCount(s.inFlight)} ${s.inFlight === 1 ? "request" : "requests"} in flight.`);
    const done = s.done.result + s.done.error + s.done.cancelled;
    if (done) parts.push(`Finished: ${fmtCount(s.done.result)} returned${s.done.error ? `, ${fmtCount(s.done.error)} failed` : ""}${s.done.cancelled ? `, ${fmtCount(s.done.cancelled)} cancelled` : ""}.`);
    this.extra.textContent = parts.join(" ");
    this.extra.hidden = parts.length === 0;
    this.awaits.update(model, index, playing);
  }
}

/**
 * One of the panel's boxes: `empty` if `total` is 0, else a list of
 * `items` (each filled by `fill`), and `more` if `total` counts more than
 * it lists.
 */
function fillList<T>(box: HTMLElement, tag: "ol" | "ul", cls: string, items: readonly T[], total: number, empty: string, more: string, fill: (li: HTMLElement, item: T) => void): void {
  box.replaceChildren();
  if (total === 0) {
    box.append(el("p", "al-tl-empty", empty));
    return;
  }
  const list = el(tag, cls);
  for (const item of items) {
    const li = el("li");
    fill(li, item);
    list.append(li);
  }
  box.append(list);
  if (total > items.length) box.append(el("p", "al-tl-more", more));
}
