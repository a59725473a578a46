/**
 * "Who awaits whom" in the state panel: the await graph at the playhead
 * (state/await-graph.ts) as a tree, like `python -m asyncio pstree`. Each
 * task is a button that shows its lane (scrolled to and highlighted);
 * tasks that wait on each other are called out as a deadlock.
 *
 * Closed by default: the graph is worked out only while it is open, at
 * most a few times a second during playback.
 */
import { el } from "../../dom.ts";
import type { TimelineModel } from "../model/model.ts";
import { type AwaitGraph, type AwaitNode, awaitGraph } from "../state/await-graph.ts";
import type { LoopStateIndex } from "../state/loop-state.ts";

/** Shortest time between two rebuilds while the playhead moves by itself (playback). */
const PLAYING_MS = 250;

export class AwaitView {
  readonly root: HTMLDetailsElement;
  private readonly body: HTMLDivElement;
  private readonly onLane: (task: number) => void;
  private last = -Infinity;
  private timer = 0;
  private pending: (() => void) | null = null;

  /** `onLane(task)`: a task's button was pressed: show its lane. */
  constructor(onLane: (task: number) => void) {
    this.onLane = onLane;
    this.root = el("details", "al-tl-box al-tl-await");
    const summary = el("summary", "al-tl-box-title", "Who awaits whom");
    summary.append(el("span", "al-tl-box-hint", " each task and what it waits on, down through the tasks it waits for (like python -m asyncio pstree)"));
    this.body = el("div", "al-tl-await-body");
    this.root.append(summary, this.body);
    this.root.addEventListener("toggle", () => this.pending?.());
    this.body.addEventListener("click", (e) => {
      const b = (e.target as Element).closest<HTMLButtonElement>("button[data-task]");
      if (b) this.onLane(Number(b.dataset.task));
    });
  }

  /** Shows the graph at the state's order (when open; `playing`: at most every PLAYING_MS). */
  update(model: TimelineModel, state: LoopStateIndex, playing: boolean): void {
    const order = state.order;
    const draw = () => {
      this.pending = null;
      if (!this.root.open || state.order !== order) return;
      this.last = performance.now();
      this.render(model, awaitGraph(model, state));
    };
    this.pending = draw;
    if (!this.root.open) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = 0;
    const wait = this.last + PLAYING_MS - performance.now();
    if (!playing || wait <= 0) draw();
    else this.timer = window.setTimeout(() => ((this.timer = 0), this.pending?.()), wait);
  }

  private render(model: TimelineModel, g: AwaitGraph): void {
    const out: Node[] = [];
    for (const cycle of g.cycles) {
      const names = [...cycle, cycle[0]].map((id) => model.taskName(id));
      const p = el("p", "al-notice al-tl-cycle");
      p.setAttribute("role", "note");
      p.append(el("strong", "", "Deadlock: "), `${names.join(" → ")}. These tasks wait on each other: none of them can ever finish.`);
      out.push(p);
    }
    if (g.live === 0) out.push(el("p", "al-tl-empty", "no task is alive here"));
    else {
      const ul = el("ul", "al-tl-tree");
      ul.setAttribute("aria-label", "Who awaits whom");
      for (const root of g.roots) ul.append(this.node(root));
      out.push(ul);
      if (g.moreRoots > 0) out.push(el("p", "al-tl-more", `+ ${g.moreRoots} more tasks nobody awaits`));
    }
    // A task's button had focus (the learner steps with the arrow keys from it): it keeps it, as the same task's new button.
    const focused = this.body.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.task : undefined;
    this.body.replaceChildren(...out);
    if (focused !== undefined) (this.body.querySelector<HTMLButtonElement>(`button[data-task="${focused}"]`) ?? this.root.querySelector("summary"))?.focus();
  }

  private node(n: AwaitNode): HTMLLIElement {
    const li = el("li", n.kind === "task" ? "al-tl-tree-task" : "al-tl-tree-wait");
    if (n.kind === "task") {
      const b = el("button", "al-tl-node", n.label);
      b.type = "button";
      b.dataset.task = String(n.id);
      b.title = `Show ${n.label}'s lane`;
      li.append(b);
      if (n.detail) li.append(el("span", "al-tl-dim", ` ${n.detail}`));
      if (n.cycle) li.append(el("span", "al-tl-cycle-mark", " ↻ waits on a task above it: a cycle"));
    } else {
      li.append(el("span", "al-tl-what", `awaits ${n.label}`));
    }
    if (n.children.length > 0 || n.more > 0) {
      const ul = el("ul");
      for (const c of n.children) ul.append(this.node(c));
      if (n.more > 0) ul.append(el("li", "al-tl-more", `+ ${n.more} more`));
      li.append(ul);
    }
    return li;
  }
}
