/**
 * One playground's timeline, inside its `<al-timeline>`: builds the DOM
 * once, shows each run's trace, plays it back, and keeps the parts in step
 * with the playhead: the lanes (stage.ts), the controls, the state at the
 * playhead, the output panel, the code line, the table and the narration.
 *
 * The playhead has two coordinates: `p`, a position on the playback axis
 * (what the clock and the scrubber move), and `cursor`, the last event at
 * or before it (what the state, the output, the code line and the table
 * show). Stepping moves `cursor` one event at a time, even among events
 * that share one moment.
 *
 * This module is the timeline's chunk, loaded with the first run; what it
 * shows on the page outside itself it asks for by events (run-events.ts).
 */
import { el } from "../dom.ts";
import { nextTask } from "../next-task.ts";
import type { RunEventDetail } from "../run-events.ts";
import { loadSpeed, parseSpeed, saveSpeed, speedForRun } from "../speed.ts";
import { download, timelineSvg, traceEventJson } from "./export.ts";
import { isFullScreen, setFullScreen } from "./fullscreen.ts";
import { onTimelineKey } from "./keys.ts";
import { buildModelInSlices, type TimelineModel } from "./model/model.ts";
import { lastAtOrBefore } from "./model/search.ts";
import { showCompare } from "./panels/compare.ts";
import { createControls, type Controls } from "./panels/controls.ts";
import { buildLegend } from "./panels/legend.ts";
import { Narrator } from "./panels/narrator.ts";
import { OutputSync } from "./panels/output-sync.ts";
import { StatePanel } from "./panels/state-panel.ts";
import { showSummary } from "./panels/summary.ts";
import { TableView } from "./panels/table-view.ts";
import { Playback, playbackWarp } from "./playback.ts";
import { fmtCount, fmtTime, type Warp } from "./scale.ts";
import { Stage } from "./stage.ts";
import { LoopStateIndex } from "./state/loop-state.ts";
import css from "./timeline.css?inline";

interface Run {
  readonly model: TimelineModel;
  readonly pWarp: Warp;
  /** Per order: position on the playback axis. */
  readonly pPos: Float64Array;
  readonly state: LoopStateIndex;
  readonly output: OutputSync;
}

let views = 0;

/**
 * The stylesheet comes in as text and is put in the page here: a CSS file
 * imported from this chunk would be hoisted into every lesson's <head> by
 * Astro (withastro/astro#9495), render-blocking for a widget not yet shown.
 */
function injectStyles(): void {
  if (document.querySelector("style[data-al-timeline]")) return;
  const style = document.createElement("style");
  style.dataset.alTimeline = "";
  style.textContent = css;
  document.head.append(style);
}

export class TimelineView {
  readonly root: HTMLElement;
  /** The `<al-timeline>` it lives in, and talks to the page from. */
  private readonly host: HTMLElement;
  private readonly controls: Controls;
  private readonly stage: Stage;
  private readonly state: StatePanel;
  private readonly table: TableView;
  private readonly narrator = new Narrator();
  private readonly summary: HTMLParagraphElement;
  private readonly compare: HTMLDivElement;
  private readonly note: HTMLParagraphElement;
  private run: Run | null = null;
  private playback: Playback | null = null;
  private cursor = -1;
  private markedLine: number | null = -1;
  private runs = 0;
  /** Counts the runs asked to be shown (and `stale()` calls): a slice of an older one's build sees it was overtaken. */
  private showing = 0;
  /** A scrub position waiting for the next frame (input events can come many times a frame). */
  private pendingP: number | null = null;
  private scrubFrame = 0;
  /** The output list whose clicks move the playhead (listened to once). */
  private outputList: HTMLElement | null = null;
  private readonly id = `al-tl-${++views}`;

  constructor(host: HTMLElement, title: string) {
    injectStyles();
    this.host = host;
    this.root = el("section", "al-tl");
    // One timeline per playground: each landmark named after its own.
    this.root.setAttribute("aria-label", `Event loop timeline: ${title}`);
    this.summary = el("p", "al-tl-summary");
    this.compare = el("div", "al-tl-compare");
    this.compare.hidden = true;
    this.note = el("p", "al-tl-note al-notice");
    this.note.hidden = true;
    this.controls = createControls(this.id, loadSpeed());
    this.stage = new Stage(
      {
        seekOrder: (section, order) => this.onSeekOrder(section, order),
        seekW: (section, w) => this.onSeekW(section, w),
        zoom: (factor, x) => this.zoom(this.stage.zoom * factor, x),
        resized: () => {
          this.stage.relayout();
          this.refreshPlayhead();
        },
      },
      this.root,
      this.controls,
    );
    this.state = new StatePanel((task) => this.showLane(task));
    const lanes = this.stage.lanes;
    const help = el("p", "al-sr", "Keys: left and right arrows step through events, Shift with an arrow jumps to the previous or next moment in time, Space plays or pauses, Home and End go to the start and the end, plus and minus zoom. The table view lists every event.");
    help.id = `${this.id}-help`;
    lanes.root.setAttribute("role", "group");
    lanes.root.setAttribute("aria-describedby", help.id);
    this.table = new TableView((order) => this.stepTo(order, "table"));
    const lanesWrap = el("div", "al-tl-lanes");
    lanesWrap.append(lanes.root);
    this.root.append(this.summary, this.compare, this.controls.root, this.note, lanesWrap, buildLegend(), this.state.root, this.table.root, this.narrator.root, help);
    this.wire();
    host.replaceChildren(this.root);
    // Re-read colours and sizes when the theme or presenter mode changes.
    new MutationObserver(() => this.restyle()).observe(document.documentElement, { attributes: true, attributeFilter: ["class", "data-theme"] });
  }

  /**
   * Shows a finished run, played at the speed the playground chose for its
   * output, raised if the playback axis is long (each step dwells on it;
   * the output is revealed by loop time). The trace is read in slices, each a task
   * of its own (a large trace takes longer than a frame), then drawn; a
   * newer run or `stale()` meanwhile drops this one.
   */
  async show(detail: RunEventDetail): Promise<void> {
    const trace = detail.result.trace;
    if (!trace) return this.clear();
    const job = this.retire();
    const t0 = performance.now();
    const model = await buildModelInSlices(trace, nextTask, () => job !== this.showing);
    if (!model) return;
    // Colours are read once, and again only when the theme changes (the observer in the constructor).
    const t1 = performance.now();
    if (!this.stage.palette) this.stage.restyle();
    const t2 = performance.now();
    // The layout in a task of its own, then the drawing in another.
    await nextTask();
    if (job !== this.showing) return;
    const t3 = performance.now();
    const laid = this.stage.lay(model, 1);
    const t4 = performance.now();
    await nextTask();
    if (job !== this.showing) return;
    this.root.classList.remove("al-tl-stale");
    this.root.hidden = false;
    const pWarp = playbackWarp(model.instants, model.endTime);
    // The playback axis is longer than loop time (each step dwells): a long one plays faster, as the output does for loop time.
    const speed = speedForRun(detail.speed, pWarp.length);
    const pPos = pWarp.positions(model.instantOf, model.frac);
    this.listenToOutput(detail.output);
    const output = new OutputSync([...detail.output.querySelectorAll<HTMLLIElement>("li[data-item]")], model.prints);
    this.run = { model, pWarp, pPos, state: new LoopStateIndex(model), output };
    const t5 = performance.now();
    this.stage.present(laid);
    const t6 = performance.now();
    // The panels and playback in a task of their own, after the drawing.
    await nextTask();
    if (job !== this.showing) return;
    showSummary(this.summary, this.note, model);
    showCompare(this.compare, this.controls.pin, this.stage.pinned, model);
    this.table.setModel(model, "This run");
    this.controls.scrubber.max = String(pWarp.length);
    this.stage.lanes.root.setAttribute("aria-label", `Timeline lanes: ${fmtCount(model.taskLanes.size)} tasks over ${fmtTime(model.endTime)} of loop time`);
    this.controls.speed.value = String(speed);
    this.playback = new Playback(
      pWarp.length,
      speed,
      (p) => this.seekP(p, true),
      (playing) => this.onPlayState(playing),
    );
    this.cursor = -1;
    this.stage.lanes.scrollTo(0, 0);
    // A lane the await graph marked belongs to the last run: an id in this one may be another task.
    this.stage.lanes.highlight(null);
    if (speed === "instant") {
      output.revealAll();
      this.seekP(pWarp.length);
    } else {
      this.seekP(0);
      this.playback.play();
    }
    this.root.dataset.phases = `model ${(t1 - t0).toFixed(1)} style ${(t2 - t1).toFixed(1)} layout ${(t4 - t3).toFixed(1)} draw ${(t6 - t5).toFixed(1)} render ${this.stage.lanes.lastRenderMs.toFixed(1)}`;
    this.root.dataset.buildMs = (performance.now() - t0).toFixed(1);
    this.root.dataset.events = String(model.count);
    // Counts the runs shown, so a script (or a test) can tell a new one has arrived (and its controls work).
    this.root.dataset.run = String(++this.runs);
  }

  /** A run without a trace, or stopped without a result: the last one's timeline is put away (hidden) until a run with a trace comes. */
  clear(): void {
    this.retire();
    this.root.hidden = true;
  }

  /**
   * Drops the run shown and any being built: its playback stops for good
   * (the controls have none to restart until the next is made) and its
   * output sync lets go. Returns the number of the next `show`.
   */
  private retire(): number {
    this.playback?.dispose();
    this.playback = null;
    this.run?.output.clear();
    return ++this.showing;
  }

  /** A new run started: playback stops and this one is dimmed until it arrives. */
  stale(): void {
    this.showing++;
    this.playback?.pause();
    this.root.classList.add("al-tl-stale");
    this.run?.output.clear();
  }

  // ---- wiring ------------------------------------------------------------

  private wire(): void {
    const c = this.controls;
    c.play.addEventListener("click", () => this.playback?.toggle());
    c.start.addEventListener("click", () => this.stepTo(-1, "button"));
    c.end.addEventListener("click", () => this.skipToEnd());
    c.prev.addEventListener("click", () => this.stepTo(this.cursor - 1, "key"));
    c.next.addEventListener("click", () => this.stepTo(this.cursor + 1, "key"));
    c.speed.addEventListener("change", () => {
      const s = parseSpeed(c.speed.value) ?? 1;
      saveSpeed(s);
      this.ask("al-timeline-speed", { speed: s });
      this.playback?.setSpeed(s);
      if (s === "instant") this.skipToEnd();
    });
    c.scrubber.addEventListener("input", () => {
      this.playback?.pause();
      this.inspecting();
      this.scrubTo(Number(c.scrubber.value));
    });
    c.scrubber.addEventListener("keydown", (e) => this.onKey(e, true));
    c.zoomIn.addEventListener("click", () => this.zoom(this.stage.zoom * 2));
    c.zoomOut.addEventListener("click", () => this.zoom(this.stage.zoom / 2));
    c.fit.addEventListener("click", () => this.zoom(1));
    c.spread.addEventListener("change", () => {
      this.stage.spreadChoice = c.spread.checked;
      this.stage.relayout();
      this.refreshPlayhead();
    });
    c.table.addEventListener("click", () => {
      const on = !this.table.visible;
      this.table.show(on);
      c.table.setAttribute("aria-pressed", String(on));
      if (on) this.table.setCurrent(this.cursor);
    });
    c.pin.addEventListener("click", () => this.togglePin());
    c.expand.addEventListener("click", () => this.fullScreen(!isFullScreen(this.root)));
    c.downloadTrace.addEventListener("click", () => {
      if (!this.run) return;
      download(traceEventJson(this.run.model.trace), `${this.downloadName()}-trace.json`, "application/json");
      this.narrator.say("Trace downloaded in Trace Event Format. Open it in ui.perfetto.dev.");
    });
    c.downloadSvg.addEventListener("click", () => {
      const { scene, palette, fontPx } = this.stage;
      if (scene && palette && this.run) download(timelineSvg(scene, palette, fontPx), `${this.downloadName()}-timeline.svg`, "image/svg+xml");
    });
    this.root.addEventListener("keydown", (e) => this.onKey(e, false));
  }

  private onKey(e: KeyboardEvent, fromScrubber: boolean): void {
    onTimelineKey(this.root, e, fromScrubber, {
      stepBy: (d) => this.stepTo(this.cursor + d, "key"),
      stepInstant: (d) => this.stepInstant(d),
      home: () => this.stepTo(-1, "key"),
      end: () => this.skipToEnd(),
      togglePlay: () => this.playback?.toggle(),
      zoomBy: (f) => this.zoom(this.stage.zoom * f),
      fit: () => this.zoom(1),
      leaveFullScreen: () => this.fullScreen(false),
    });
  }

  /** Output lines: a click shows the moment they were printed. */
  private listenToOutput(list: HTMLElement): void {
    if (this.outputList === list) return;
    this.outputList = list;
    list.addEventListener("click", (e) => {
      const li = (e.target as Element).closest<HTMLLIElement>(".al-out-line");
      if (!li || !this.run) return;
      const order = this.run.output.orderOf(li);
      if (order >= 0) this.stepTo(order, "output");
    });
  }

  /** Asks the page (the playground) for something, by an event from the `<al-timeline>` (run-events.ts). */
  private ask(type: string, detail: unknown = null): void {
    this.host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true }));
  }

  private downloadName(): string {
    return this.host.closest<HTMLElement>("al-playground")?.dataset.id ?? "timeline";
  }

  // ---- playhead ----------------------------------------------------------

  /** The scrubber or a drag on the axis asks for `p`: shown at the next frame, once however many came in. */
  private scrubTo(p: number): void {
    this.pendingP = p;
    if (this.scrubFrame) return;
    this.scrubFrame = requestAnimationFrame(() => {
      this.scrubFrame = 0;
      const next = this.pendingP;
      this.pendingP = null;
      if (next !== null) this.seekP(next);
    });
  }

  /** Moves the playhead to `p` on the playback axis (`fromClock`: playback moved it). */
  private seekP(p: number, fromClock = false): void {
    const run = this.run;
    if (!run) return;
    if (!fromClock) this.playback?.seek(p);
    const pp = Math.max(0, Math.min(run.pWarp.length, p));
    if (this.playback) this.playback.p = pp;
    // The last event at or before p.
    const k = pp >= run.pWarp.length ? run.model.count - 1 : lastAtOrBefore(run.pPos, pp);
    const prev = this.cursor;
    this.cursor = k;
    if (this.playback?.playing) this.narrator.passed(run.model, prev, k);
    const at = run.pWarp.invert(pp);
    const section = this.stage.current();
    const w = section ? (at.i >= 0 ? section.warp.at(at.i, at.f) : section.warp.ofTime(at.t)) : 0;
    this.showCursor(w, pp, at.t);
    if (this.playback?.playing) this.stage.lanes.reveal(w);
    if (pp >= run.pWarp.length && !run.output.isRevealed) this.inspecting();
  }

  /** Moves to event `order` (-1: before the first). */
  private stepTo(order: number, why: "key" | "button" | "table" | "output" | "click"): void {
    const run = this.run;
    if (!run) return;
    this.playback?.pause();
    this.inspecting();
    this.pendingP = null;
    const k = Math.max(-1, Math.min(run.model.count - 1, order));
    this.cursor = k;
    const p = k < 0 ? 0 : run.pPos[k];
    if (this.playback) this.playback.p = p;
    const section = this.stage.current();
    const w = section ? (k < 0 ? 0 : section.pos[k]) : 0;
    this.showCursor(w, p, k < 0 ? 0 : run.model.axis[k]);
    this.stage.lanes.reveal(w, why === "output" || why === "table" ? "center" : "nearest");
    if (k >= 0 && section) {
      const lane = section.model.laneAt(k);
      const row = lane ? this.stage.scene?.rowOf.get(lane) : undefined;
      if (row !== undefined) this.stage.lanes.revealRow(row);
    }
    this.narrator.step(run.model, k);
  }

  /** To the first event of the previous/next instant. */
  private stepInstant(d: number): void {
    const run = this.run;
    if (!run) return;
    const m = run.model;
    if (this.cursor < 0) return d > 0 ? this.stepTo(0, "key") : undefined;
    const i = m.instantOf[this.cursor];
    const target = d > 0 ? (m.instants[i + 1]?.first ?? m.count - 1) : m.instants[i].first < this.cursor ? m.instants[i].first : (m.instants[i - 1]?.first ?? -1);
    this.stepTo(target, "key");
  }

  private skipToEnd(): void {
    const run = this.run;
    if (!run) return;
    this.playback?.pause();
    this.inspecting();
    this.seekP(run.pWarp.length);
    this.narrator.say(`End of the run: ${fmtTime(run.model.endTime)} of loop time. All output shown.`);
  }

  private onSeekOrder(section: number, order: number): void {
    if (!this.stage.scene || this.stage.scene.sections[section]?.pinned) return;
    this.stepTo(order, "click");
  }

  private onSeekW(section: number, w: number): void {
    const run = this.run;
    const sec = this.stage.scene?.sections[section];
    if (!run || !sec || sec.pinned) return;
    this.playback?.pause();
    this.inspecting();
    // From the drawn axis to the playback axis, through (instant, fraction) or time.
    const at = sec.warp.invert(Math.max(0, w));
    const p = at.i >= 0 ? run.pWarp.at(at.i, at.f) : run.pWarp.ofTime(Math.min(at.t, run.model.endTime));
    this.scrubTo(p);
  }

  /** Shows the cursor: the state, the output, the code line, the table, the clock and the playhead (at `w` on the drawn axis, `p` on the playback axis, time `t`). */
  private showCursor(w: number, p: number, t: number): void {
    const run = this.run;
    if (!run) return;
    const k = this.cursor;
    const s = run.state.at(k);
    this.state.update(run.model, s, run.state, this.playback?.playing ?? false);
    run.output.update(k);
    const line = k >= 0 ? run.model.lines[k] || null : null;
    if (line !== this.markedLine) {
      this.markedLine = line;
      this.ask("al-timeline-line", { line });
    }
    this.table.setCurrent(k);
    const c = this.controls;
    c.scrubber.value = String(p);
    const total = run.model.count;
    const desc = `${fmtTime(t)} of ${fmtTime(run.model.endTime)}, event ${fmtCount(Math.max(0, k + 1))} of ${fmtCount(total)}`;
    c.scrubber.setAttribute("aria-valuetext", desc);
    c.clock.value = `${fmtTime(t)} / ${fmtTime(run.model.endTime)} · event ${fmtCount(Math.max(0, k + 1))}/${fmtCount(total)}`;
    this.root.dataset.cursor = String(k);
    this.stage.lanes.setPlayhead({ w, order: k, section: this.stage.scene ? this.stage.scene.sections.length - 1 : 0 });
  }

  private refreshPlayhead(): void {
    const section = this.stage.current();
    if (!this.run || !section) return;
    const k = this.cursor;
    this.stage.lanes.setPlayhead({ w: k < 0 ? 0 : section.pos[k], order: k, section: (this.stage.scene?.sections.length ?? 1) - 1 });
  }

  private onPlayState(playing: boolean): void {
    this.controls.setPlaying(playing);
    this.root.classList.toggle("al-tl-playing", playing);
    const run = this.run;
    if (!playing) {
      this.narrator.stop();
      if (run && this.playback?.atEnd) {
        this.inspecting();
        this.narrator.say(`Playback finished: ${fmtTime(run.model.endTime)} of loop time.`);
      }
    }
  }

  /**
   * Playback ended, or the learner took the playhead: every output line is
   * shown from now on, those after the playhead dimmed.
   */
  private inspecting(): void {
    const run = this.run;
    if (!run || run.output.isRevealed) return;
    run.output.revealAll();
    run.output.update(this.cursor);
    this.ask("al-timeline-inspect");
  }

  // ---- the view ------------------------------------------------------------

  private zoom(z: number, anchorX?: number): void {
    const section = this.stage.current();
    const w = section && this.cursor >= 0 ? section.pos[this.cursor] : 0;
    if (this.stage.setZoom(z, anchorX, w)) this.refreshPlayhead();
  }

  private restyle(): void {
    this.stage.restyle();
    if (this.run) {
      this.stage.relayout();
      this.refreshPlayhead();
    }
  }

  private togglePin(): void {
    if (!this.run) return;
    if (this.stage.pinned) {
      this.stage.pinned = null;
      this.narrator.say("Unpinned.");
    } else {
      this.stage.pinned = this.run.model;
      this.narrator.say(`Pinned this run (${fmtTime(this.run.model.endTime)} of loop time). Run again to compare.`);
    }
    this.stage.lanes.highlight(null);
    this.stage.relayout();
    this.refreshPlayhead();
    showCompare(this.compare, this.controls.pin, this.stage.pinned, this.run.model);
  }

  private fullScreen(on: boolean): void {
    setFullScreen(this.root, this.controls.expand, on);
    this.narrator.say(on ? "Full screen timeline. Escape leaves it." : "Back in the page.");
    if (!on) this.host.scrollIntoView({ block: "nearest" });
  }

  /** Scrolls task `task`'s lane into view and marks it (the await graph's link). */
  private showLane(task: number): void {
    const run = this.run;
    const lane = run?.model.taskLanes.get(task);
    const row = lane ? this.stage.scene?.rowOf.get(lane) : undefined;
    if (!lane || row === undefined) return;
    this.stage.lanes.revealRow(row);
    this.stage.lanes.highlight(lane.key);
    this.stage.lanes.root.scrollIntoView({ block: "nearest" });
    this.narrator.say(`${lane.info.name}'s lane is marked.`);
  }
}
