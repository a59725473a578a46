/**
 * One playground's timeline: builds the DOM once, shows each run's trace,
 * plays it back, and ties together the lanes, the controls, the state at
 * the playhead, the output panel, the code, the table and the narration.
 *
 * The playhead has two coordinates: `p`, a position on the playback axis
 * (what the clock and the scrubber move), and `cursor`, the last event at
 * or before it (what the state, the output, the code line and the table
 * show). Stepping moves `cursor` one event at a time, even among events
 * that share one moment.
 */
import type { RunResult } from "../../sandbox/run.ts";
import type { PlaygroundElement } from "../playground/playground-element.ts";
import { createControls, type Controls } from "./controls.ts";
import { download, standaloneSvg, traceEventJson } from "./export.ts";
import { LanesView } from "./lanes-view.ts";
import { firstRows, layout, type Scene, type Section, sectionOf, spreadFor } from "./layout.ts";
import { buildModel, type TimelineModel } from "./model.ts";
import { Narrator } from "./narrator.ts";
import { OutputSync } from "./output-sync.ts";
import { type Palette, readPalette } from "./palette.ts";
import { loadSpeed, saveSpeed } from "../playground/speed.ts";
import { Playback, playbackWarp, type Speed } from "./playback.ts";
import { laneLabel, makeMeasure, render } from "./render-svg.ts";
import { fmtCount, fmtTime, SPREAD_LIMIT, type Warp } from "./scale.ts";
import { LoopStateIndex } from "./state-at.ts";
import { StatePanel } from "./state-panel.ts";
import { TableView } from "./table-view.ts";
import { el } from "../dom.ts";

interface Run {
  readonly model: TimelineModel;
  readonly pWarp: Warp;
  /** Per order: position on the playback axis. */
  readonly pPos: Float64Array;
  readonly state: LoopStateIndex;
  readonly output: OutputSync;
  /** Real ms it took to read the trace and draw it the first time. */
  readonly buildMs: number;
}



let views = 0;

export class TimelineView {
  readonly root: HTMLElement;
  private readonly pg: PlaygroundElement;
  private readonly controls: Controls;
  private readonly lanes: LanesView;
  private readonly state = new StatePanel();
  private readonly table: TableView;
  private readonly narrator = new Narrator();
  private readonly summary: HTMLParagraphElement;
  private readonly compare: HTMLDivElement;
  private readonly note: HTMLParagraphElement;
  private readonly legend: HTMLElement;
  private run: Run | null = null;
  private pinned: TimelineModel | null = null;
  private playback: Playback | null = null;
  private cursor = -1;
  private zoom = 1;
  private spreadChoice: boolean | null = null;
  private scene: Scene | null = null;
  private palette: Palette | null = null;
  private fontPx = 12;
  private markedLine: number | null = -1;
  private speed: Speed = loadSpeed();
  private runs = 0;
  /** A scrub position waiting for the next frame (input events can come many times a frame). */
  private pendingP: number | null = null;
  private scrubFrame = 0;
  private readonly id = `al-tl-${++views}`;

  constructor(pg: PlaygroundElement) {
    this.pg = pg;
    this.root = el("section", "al-tl");
    // One timeline per playground: each landmark named after its own.
    this.root.setAttribute("aria-label", `Event loop timeline: ${pg.displayTitle}`);
    this.summary = el("p", "al-tl-summary");
    this.compare = el("div", "al-tl-compare");
    this.compare.hidden = true;
    this.note = el("p", "al-tl-note");
    this.note.hidden = true;
    this.controls = createControls(this.id, this.speed);
    this.lanes = new LanesView(
      {
        seekOrder: (section, order) => this.onSeekOrder(section, order),
        seekW: (section, w) => this.onSeekW(section, w),
        zoom: (factor, x) => this.setZoom(this.zoom * factor, x),
        resized: () => {
          this.relayout();
          this.refreshPlayhead();
        },
      },
      this.root,
    );
    const help = el("p", "al-tl-sr", "Keys: left and right arrows step through events, Shift with an arrow jumps to the previous or next moment in time, Space plays or pauses, Home and End go to the start and the end, plus and minus zoom. The table view lists every event.");
    help.id = `${this.id}-help`;
    this.lanes.root.setAttribute("role", "group");
    this.lanes.root.setAttribute("aria-describedby", help.id);
    this.table = new TableView((order) => this.stepTo(order, "table"));
    this.legend = this.buildLegend();
    const lanesWrap = el("div", "al-tl-lanes");
    lanesWrap.append(this.lanes.root);
    this.root.append(this.summary, this.compare, this.controls.root, this.note, lanesWrap, this.legend, this.state.root, this.table.root, this.narrator.root, help);
    this.wire();
    const host = pg.timelineHost();
    host.replaceChildren(this.root);
    // Re-read colours and sizes when the theme or presenter mode changes.
    new MutationObserver(() => this.restyle()).observe(document.documentElement, { attributes: true, attributeFilter: ["class", "data-theme"] });
    pg.addEventListener("al-run-start", () => this.stale());
  }

  /** Shows a finished run, played at `speed` (the playground chose it: its output keeps the same pace). */
  show(result: RunResult, speed: Speed): void {
    const trace = result.trace;
    this.playback?.dispose();
    this.run?.output.clear();
    this.root.classList.remove("al-tl-stale");
    if (!trace) return;
    const t0 = performance.now();
    const model = buildModel(trace);
    const pWarp = playbackWarp(model.instants, model.endTime);
    const pPos = pWarp.positions(model.instantOf, model.frac);
    const output = new OutputSync(this.pg.outputLines(), model.prints);
    this.run = { model, pWarp, pPos, state: new LoopStateIndex(model), output, buildMs: 0 };
    this.zoom = 1;
    const t1 = performance.now();
    // Colours are read once, and again only when the theme changes (the observer in the constructor).
    if (!this.palette) this.restyle(false);
    const t2 = performance.now();
    this.relayout();
    const t3 = performance.now();
    this.root.dataset.phases = `model ${(t1 - t0).toFixed(1)} style ${(t2 - t1).toFixed(1)} layout+draw ${(t3 - t2).toFixed(1)} render ${this.lanes.lastRenderMs.toFixed(1)}`;
    (this.run as { buildMs: number }).buildMs = performance.now() - t0;
    this.root.dataset.buildMs = this.run.buildMs.toFixed(1);
    this.root.dataset.events = String(model.events.length);
    // Counts the runs shown, so a script (or a test) can tell a new one has arrived.
    this.root.dataset.run = String(++this.runs);
    this.updateSummary();
    this.table.setModel(model, "This run");
    this.controls.scrubber.max = String(pWarp.length);
    this.lanes.root.setAttribute("aria-label", `Timeline lanes: ${fmtCount(model.taskLanes.size)} tasks over ${fmtTime(model.endTime)} of loop time`);
    this.controls.speed.value = String(speed);
    this.playback = new Playback(
      pWarp.length,
      speed,
      (p) => this.onFrame(p),
      (playing) => this.onPlayState(playing),
    );
    this.cursor = -1;
    this.lanes.scrollTo(0, 0);
    if (speed === "instant") {
      output.revealAll();
      this.seekP(pWarp.length);
    } else {
      this.seekP(0);
      this.playback.play();
    }
  }

  // ---- wiring ------------------------------------------------------------

  private wire(): void {
    const c = this.controls;
    c.play.addEventListener("click", () => this.playback?.toggle());
    c.start.addEventListener("click", () => this.stepTo(-1, "button"));
    c.end.addEventListener("click", () => this.skipToEnd());
    c.prev.addEventListener("click", () => this.stepBy(-1));
    c.next.addEventListener("click", () => this.stepBy(1));
    c.speed.addEventListener("change", () => {
      const v = c.speed.value;
      const s = (v === "instant" ? "instant" : Number(v)) as Speed;
      this.speed = s;
      saveSpeed(s);
      this.pg.setOutputSpeed(s);
      this.playback?.setSpeed(s);
      if (s === "instant") this.skipToEnd();
    });
    c.scrubber.addEventListener("input", () => {
      this.playback?.pause();
      this.inspecting();
      this.scrubTo(Number(c.scrubber.value));
    });
    c.scrubber.addEventListener("keydown", (e) => this.onKey(e, true));
    c.zoomIn.addEventListener("click", () => this.setZoom(this.zoom * 2));
    c.zoomOut.addEventListener("click", () => this.setZoom(this.zoom / 2));
    c.fit.addEventListener("click", () => this.setZoom(1));
    c.spread.addEventListener("change", () => {
      this.spreadChoice = c.spread.checked;
      this.relayout();
      this.refreshPlayhead();
    });
    c.table.addEventListener("click", () => {
      const on = !this.table.visible;
      this.table.show(on);
      c.table.setAttribute("aria-pressed", String(on));
      if (on) this.table.setCurrent(this.cursor);
    });
    c.pin.addEventListener("click", () => this.togglePin());
    c.expand.addEventListener("click", () => this.setFullScreen(!this.root.classList.contains("al-tl-full")));
    c.downloadTrace.addEventListener("click", () => {
      if (!this.run) return;
      download(traceEventJson(this.run.model.trace), `${this.pg.playgroundId}-trace.json`, "application/json");
      this.narrator.say("Trace downloaded in Trace Event Format. Open it in ui.perfetto.dev.");
    });
    c.downloadSvg.addEventListener("click", () => {
      const svg = this.exportSvg();
      if (svg) download(svg, `${this.pg.playgroundId}-timeline.svg`, "image/svg+xml");
    });
    this.root.addEventListener("keydown", (e) => this.onKey(e, false));
    // Output lines: a click shows the moment they were printed.
    this.pg.timelineHost().parentElement?.addEventListener("click", (e) => {
      const li = (e.target as Element).closest<HTMLLIElement>(".al-out-line");
      if (!li || !this.run) return;
      const order = this.run.output.orderOf(li);
      if (order >= 0) this.stepTo(order, "output");
    });
  }

  private onKey(e: KeyboardEvent, fromScrubber: boolean): void {
    const target = e.target as HTMLElement;
    if (!fromScrubber && this.root.classList.contains("al-tl-full")) {
      if (e.key === "Escape") {
        e.preventDefault();
        this.setFullScreen(false);
        return;
      }
      if (e.key === "Tab") return this.keepFocusInside(e);
    }
    if (!fromScrubber && target.closest("select, input, textarea, .al-tl-table")) return;
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const onButton = target.tagName === "BUTTON";
    let handled = true;
    switch (e.key) {
      case "ArrowLeft":
        if (e.shiftKey) this.stepInstant(-1);
        else this.stepBy(-1);
        break;
      case "ArrowRight":
        if (e.shiftKey) this.stepInstant(1);
        else this.stepBy(1);
        break;
      case "PageUp":
        this.stepInstant(-1);
        break;
      case "PageDown":
        this.stepInstant(1);
        break;
      case "Home":
        this.stepTo(-1, "key");
        break;
      case "End":
        this.skipToEnd();
        break;
      case " ":
      case "k":
        if (onButton && e.key === " ") return;
        this.playback?.toggle();
        break;
      case "+":
      case "=":
        this.setZoom(this.zoom * 2);
        break;
      case "-":
        this.setZoom(this.zoom / 2);
        break;
      case "0":
        this.setZoom(1);
        break;
      default:
        handled = false;
    }
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  }

  // ---- playhead ----------------------------------------------------------

  /** Playback moved to `p`. */
  private onFrame(p: number): void {
    this.seekP(p, true);
  }

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

  private seekP(p: number, fromClock = false): void {
    const run = this.run;
    if (!run) return;
    if (!fromClock) this.playback?.seek(p);
    const pp = Math.max(0, Math.min(run.pWarp.length, p));
    if (this.playback) this.playback.p = pp;
    // The last event at or before p.
    let k = upperBound(run.pPos, pp) - 1;
    if (pp >= run.pWarp.length) k = run.model.events.length - 1;
    const prev = this.cursor;
    this.cursor = k;
    if (this.playback?.playing) this.narrator.passed(run.model, prev, k);
    const at = run.pWarp.invert(pp);
    const section = this.currentSection();
    const w = section ? (at.i >= 0 ? section.warp.at(at.i, at.f) : section.warp.ofTime(at.t)) : 0;
    this.showCursor(w, pp, at.t);
    if (this.playback?.playing) this.lanes.reveal(w);
    if (pp >= run.pWarp.length && !run.output.isRevealed) this.inspecting();
  }

  /** Moves to event `order` (-1: before the first). */
  private stepTo(order: number, why: "key" | "button" | "table" | "output" | "click"): void {
    const run = this.run;
    if (!run) return;
    this.playback?.pause();
    this.inspecting();
    this.pendingP = null;
    const n = run.model.events.length;
    const k = Math.max(-1, Math.min(n - 1, order));
    this.cursor = k;
    const p = k < 0 ? 0 : run.pPos[k];
    if (this.playback) this.playback.p = p;
    const section = this.currentSection();
    const w = section ? (k < 0 ? 0 : section.pos[k]) : 0;
    this.showCursor(w, p, k < 0 ? 0 : run.model.events[k].t);
    this.lanes.reveal(w, why === "output" || why === "table" ? "center" : "nearest");
    if (k >= 0 && section) {
      const lane = section.model.laneAt(k);
      const row = lane ? this.scene?.rowOf.get(lane) : undefined;
      if (row !== undefined) this.lanes.revealRow(row);
    }
    this.narrator.step(run.model, k);
  }

  private stepBy(d: number): void {
    this.stepTo(this.cursor + d, "key");
  }

  /** To the first event of the previous/next instant. */
  private stepInstant(d: number): void {
    const run = this.run;
    if (!run) return;
    const m = run.model;
    if (this.cursor < 0) return d > 0 ? this.stepTo(0, "key") : undefined;
    const i = m.instantOf[this.cursor];
    const target = d > 0 ? m.instants[i + 1]?.first ?? m.events.length - 1 : m.instants[i].first < this.cursor ? m.instants[i].first : (m.instants[i - 1]?.first ?? -1);
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
    if (!this.scene || this.scene.sections[section]?.pinned) return;
    this.stepTo(order, "click");
  }

  private onSeekW(section: number, w: number): void {
    const run = this.run;
    const sec = this.scene?.sections[section];
    if (!run || !sec || sec.pinned) return;
    this.playback?.pause();
    this.inspecting();
    // From the drawn axis to the playback axis, through (instant, fraction) or time.
    const at = sec.warp.invert(Math.max(0, w));
    const p = at.i >= 0 ? run.pWarp.at(at.i, at.f) : run.pWarp.ofTime(Math.min(at.t, run.model.endTime));
    this.scrubTo(p);
  }

  private showCursor(w: number, p: number, t: number): void {
    const run = this.run;
    if (!run) return;
    const k = this.cursor;
    const s = run.state.at(k);
    this.state.update(run.model, s);
    run.output.update(k);
    const line = k >= 0 ? run.model.lines[k] || null : null;
    if (line !== this.markedLine) {
      this.markedLine = line;
      this.pg.markLine(line);
    }
    this.table.setCurrent(k);
    const c = this.controls;
    c.scrubber.value = String(p);
    const total = run.model.events.length;
    const desc = `${fmtTime(t)} of ${fmtTime(run.model.endTime)}, event ${fmtCount(Math.max(0, k + 1))} of ${fmtCount(total)}`;
    c.scrubber.setAttribute("aria-valuetext", desc);
    c.clock.value = `${fmtTime(t)} / ${fmtTime(run.model.endTime)} · event ${fmtCount(Math.max(0, k + 1))}/${fmtCount(total)}`;
    this.root.dataset.cursor = String(k);
    this.lanes.setPlayhead({ w, order: k, section: this.scene ? this.scene.sections.length - 1 : 0 });
  }

  private refreshPlayhead(): void {
    const run = this.run;
    if (!run) return;
    const section = this.currentSection();
    if (!section) return;
    const k = this.cursor;
    this.lanes.setPlayhead({ w: k < 0 ? 0 : section.pos[k], order: k, section: (this.scene?.sections.length ?? 1) - 1 });
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

  // ---- layout ------------------------------------------------------------

  private currentSection(): Section | null {
    const s = this.scene?.sections;
    return s ? s[s.length - 1] : null;
  }

  private get comparing(): boolean {
    return this.pinned !== null && this.run !== null && this.pinned !== this.run.model;
  }

  private spreadOn(): boolean {
    if (this.comparing || !this.run) return false;
    return this.spreadChoice ?? this.run.model.totalSlots <= SPREAD_LIMIT;
  }

  private relayout(anchorX?: number): void {
    const run = this.run;
    if (!run || !this.palette) return;
    const spread = this.spreadOn();
    const sections: Section[] = [];
    if (this.comparing && this.pinned) sections.push(sectionOf(this.pinned, 0, "Pinned run", true));
    sections.push(sectionOf(run.model, spread ? spreadFor(run.model) : 0, this.comparing ? "This run" : null, false));
    const labelW = this.labelWidth(sections);
    let anchor: { w: number; x: number } | undefined;
    if (anchorX !== undefined && this.scene) anchor = { w: (anchorX - this.scene.labelW + this.lanes.scrollLeft) / this.scene.pxPerW, x: anchorX };
    this.scene = layout({ sections, viewWidth: this.lanes.viewWidth || this.root.clientWidth || 640, fontPx: this.fontPx, labelW, zoom: this.zoom, spread });
    this.lanes.setScene(this.scene, anchor);
    const c = this.controls;
    c.spread.checked = spread;
    c.spread.disabled = this.comparing;
    c.spread.parentElement!.title = this.comparing ? "Off while comparing: both runs on one true time scale" : "Steps that happen at the same virtual time are drawn one after another, so their order shows";
    c.zoomOut.disabled = this.zoom <= 1;
    this.updateCompare();
  }

  private setZoom(z: number, anchorX?: number): void {
    const max = this.maxZoom();
    const next = Math.max(1, Math.min(max, z));
    if (next === this.zoom) return;
    this.zoom = next;
    const scene = this.scene;
    let x = anchorX;
    if (x === undefined && scene && this.run) {
      // Zoom around the playhead when it is in view, else around the middle.
      const sec = this.currentSection();
      const w = sec && this.cursor >= 0 ? sec.pos[this.cursor] : 0;
      const px = scene.labelW + w * scene.pxPerW - this.lanes.scrollLeft;
      x = px >= scene.labelW && px <= this.lanes.viewWidth ? px : (scene.labelW + this.lanes.viewWidth) / 2;
    }
    this.relayout(x);
    this.refreshPlayhead();
  }

  private maxZoom(): number {
    const scene = this.scene;
    if (!scene) return 64;
    // Up to where one step of the finest instant (or 1 ms) is ~200 px wide.
    const view = Math.max(100, this.lanes.viewWidth - scene.labelW);
    return Math.max(2, (scene.span / 0.001) * (200 / view) / 50);
  }

  private labelWidth(sections: readonly Section[]): number {
    const measure = makeMeasure(this.fontPx, this.palette?.font ?? "sans-serif");
    let w = 80;
    for (const s of sections) {
      const lanes = s.model.lanes;
      for (let i = 0; i < Math.min(lanes.length, 300); i++) {
        const { name, sub } = laneLabel(lanes[i], s.model);
        w = Math.max(w, measure(name, true) + (sub ? measure(sub) * 0.95 + 6 : 0) + 22);
      }
    }
    const view = this.lanes.viewWidth || 640;
    // A phone: names only get about a quarter of the width (the rest is in the tooltip).
    if (view < 520) return Math.round(Math.min(w, Math.max(84, view * 0.27)));
    return Math.round(Math.min(w, Math.max(110, view * 0.36), 280));
  }

  private restyle(redraw = true): void {
    const pal = readPalette(this.root);
    this.palette = pal;
    const base = Number.parseFloat(getComputedStyle(this.root).fontSize) || 14;
    this.fontPx = Math.max(10, Math.round(base * 0.86));
    this.lanes.setStyle(pal, makeMeasure(this.fontPx, pal.font));
    if (redraw && this.run) {
      this.relayout();
      this.refreshPlayhead();
    }
  }

  // ---- compare -----------------------------------------------------------

  private togglePin(): void {
    if (!this.run) return;
    if (this.pinned) {
      this.pinned = null;
      this.narrator.say("Unpinned.");
    } else {
      this.pinned = this.run.model;
      this.narrator.say(`Pinned this run (${fmtTime(this.run.model.endTime)} of loop time). Run again to compare.`);
    }
    this.relayout();
    this.refreshPlayhead();
  }

  private updateCompare(): void {
    const c = this.controls;
    const pinnedNow = this.pinned !== null;
    c.pin.querySelector("span")!.textContent = pinnedNow ? "Unpin" : "Pin run";
    c.pin.setAttribute("aria-label", pinnedNow ? "Unpin the pinned run" : "Pin run: keep this run to compare it with the next one");
    c.pin.setAttribute("aria-pressed", String(pinnedNow));
    const box = this.compare;
    box.replaceChildren();
    if (!this.pinned || !this.run) {
      box.hidden = true;
      return;
    }
    box.hidden = false;
    if (!this.comparing) {
      box.append(el("p", "al-tl-compare-hint", `This run is pinned (${fmtTime(this.pinned.endTime)} of loop time). Change the code and run again: the next run is drawn below it, on the same time scale.`));
      return;
    }
    const a = this.pinned.endTime;
    const b = this.run.model.endTime;
    const max = Math.max(a, b, 1e-9);
    const dl = el("dl", "al-tl-totals");
    for (const [label, t, cls] of [
      ["Pinned run", a, "pinned"],
      ["This run", b, "current"],
    ] as const) {
      const dt = el("dt", "", label);
      const dd = el("dd");
      const bar = el("span", `al-tl-bar al-tl-bar-${cls}`);
      bar.style.width = `${Math.max(0.5, (t / max) * 100)}%`;
      dd.append(bar, el("span", "al-tl-total", `${fmtTime(t)} of loop time`));
      dl.append(dt, dd);
    }
    box.append(dl);
    let verdict: string;
    if (Math.abs(a - b) < 1e-9) verdict = "Same loop time.";
    else if (b < a) verdict = `This run took ${fmtTime(a - b)} less${b > 0 ? ` (${(a / b).toFixed(1)}× as fast)` : ""}.`;
    else verdict = `This run took ${fmtTime(b - a)} more${a > 0 ? ` (${(b / a).toFixed(1)}× as long)` : ""}.`;
    box.append(el("p", "al-tl-verdict", verdict));
  }

  // ---- misc --------------------------------------------------------------

  /** Tab and Shift+Tab go round the full-screen timeline, as in any modal dialog. */
  private keepFocusInside(e: KeyboardEvent): void {
    const focusable = [...this.root.querySelectorAll<HTMLElement>("button, select, input, summary, [tabindex='0']")].filter((x) => !x.hidden && x.getClientRects().length > 0 && !(x as HTMLButtonElement).disabled);
    if (focusable.length === 0) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  }

  /**
   * The timeline alone over the whole window (a dialog until Esc or the
   * button again), for long runs and small screens: the lanes get the
   * window's width, the page behind does not scroll.
   *
   * It is shown as a popover, in the browser's top layer: `position: fixed`
   * alone stayed inside the lesson's column (an ancestor's containment is
   * the containing block of a fixed element) and under the header and the
   * "On this page" list. The element stays where it is in the document.
   */
  private setFullScreen(on: boolean): void {
    const c = this.controls;
    const root = this.root as HTMLElement & { showPopover?(): void; hidePopover?(): void };
    if (on) {
      root.setAttribute("popover", "manual");
      root.showPopover?.();
      root.setAttribute("role", "dialog");
      root.setAttribute("aria-modal", "true");
    } else {
      if (root.matches(":popover-open")) root.hidePopover?.();
      root.removeAttribute("popover");
      root.removeAttribute("role");
      root.removeAttribute("aria-modal");
    }
    this.root.classList.toggle("al-tl-full", on);
    c.expand.setAttribute("aria-pressed", String(on));
    c.expand.querySelector("span")!.textContent = on ? "Exit full screen" : "Full screen";
    c.expand.setAttribute("aria-label", on ? "Exit full screen" : "Full screen");
    c.expand.focus();
    this.narrator.say(on ? "Full screen timeline. Escape leaves it." : "Back in the page.");
    if (!on) this.pg.timelineHost().scrollIntoView({ block: "nearest" });
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
    this.pg.showAllOutput();
  }

  private stale(): void {
    this.playback?.pause();
    this.root.classList.add("al-tl-stale");
    this.run?.output.clear();
  }

  private updateSummary(): void {
    const run = this.run;
    if (!run) return;
    const m = run.model;
    const s = this.summary;
    s.replaceChildren(el("strong", "", "Event loop timeline"));
    const bits = [`${fmtTime(m.endTime)} of loop time`, `${fmtCount(m.taskLanes.size)} ${m.taskLanes.size === 1 ? "task" : "tasks"}`, `${fmtCount(m.events.length)} events`];
    const blocked = m.loop.blocks.reduce((sum, b) => sum + b.seconds, 0);
    if (blocked > 0) bits.push(`loop blocked ${fmtTime(blocked)}`);
    s.append(` · ${bits.join(" · ")}`);
    const notes: string[] = [];
    if (m.trace.truncated) notes.push(`The trace was cut at ${fmtCount(m.events.length)} events: the timeline shows the start of the run, up to ${fmtTime(m.endTime)} of loop time.`);
    this.note.textContent = notes.join(" ");
    this.note.hidden = notes.length === 0;
  }

  private buildLegend(): HTMLElement {
    const box = el("details", "al-tl-legend");
    const sum = el("summary", "", "How to read the timeline");
    const ul = el("ul");
    const items: [string, string][] = [
      ["running", "running: the loop is executing this task (one task at a time)"],
      ["ready", "ready: in the ready queue, waiting for its turn"],
      ["waiting", "waiting: suspended at an await; the label says on what"],
      ["late", "late: its timer was due, but the loop was busy or blocked"],
      ["blocked", "loop blocked: a blocking call froze everything"],
      ["executor", "executor job: runs on a worker thread, the loop stays free"],
      ["band", "one instant spread out: no time passes, the order of steps shows"],
    ];
    for (const [kind, text] of items) {
      const li = el("li");
      li.append(el("span", `al-tl-swatch al-tl-swatch-${kind}`), text);
      ul.append(li);
    }
    const marks = el("li", "al-tl-legend-marks", "✓ returned · ✕ raised · – cancelled · ▾ printed · ◆ timeout expired · dashed arrow: one task woke another");
    const prims = el("li", "al-tl-legend-marks", "A semaphore, lock, event or queue: the line is its value (free permits, free or held, set or not, items), the shaded area the tasks waiting on it.");
    ul.append(marks, prims);
    box.append(sum, ul);
    return box;
  }

  /** The whole timeline as a standalone SVG (lanes capped for very long runs). */
  private exportSvg(): string | null {
    const scene = this.scene;
    const pal = this.palette;
    if (!scene || !pal || !this.run) return null;
    const MAX_ROWS = 2000;
    const cut = firstRows(scene, MAX_ROWS);
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.dataset.uid = "export";
    const width = Math.min(scene.width, 32_000);
    render(svg, cut, { left: 0, top: 0, width, height: cut.height }, pal, { measure: makeMeasure(this.fontPx, pal.font), full: width === scene.width });
    const m = this.run.model;
    const lanes = cut === scene ? "" : ` (its first ${fmtCount(cut.rows.length)} lanes)`;
    return standaloneSvg(svg, `Async Lab timeline: ${fmtCount(m.taskLanes.size)} tasks, ${fmtTime(m.endTime)} of loop time${lanes}`);
  }
}

/** Index of the first element > v. */
function upperBound(arr: Float64Array, v: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
