/**
 * Where the lanes are drawn and at what scale: the runs shown (the current
 * one, and a pinned one above it to compare), the zoom, whether instants
 * are spread, the colours and the font size; it lays them out (layout.ts)
 * and hands the scene to the lanes on screen (lanes-view.ts).
 */
import { type Scene, type Section, layout, sectionOf, spreadFor } from "./layout.ts";
import { type LanesCallbacks, LanesView } from "./lanes-view.ts";
import type { TimelineModel } from "./model/model.ts";
import type { Controls } from "./panels/controls.ts";
import { laneLabel } from "./paint/labels.ts";
import { makeMeasure, type Measure } from "./paint/svg.ts";
import { type Palette, readPalette } from "./palette.ts";
import { SPREAD_LIMIT } from "./scale.ts";

/** A layout made, not yet shown (`Stage.lay`). */
export interface Laid {
  readonly model: TimelineModel;
  readonly zoom: number;
  readonly scene: Scene;
  readonly anchor: { w: number; x: number } | undefined;
  readonly spread: boolean;
  readonly comparing: boolean;
}

export class Stage {
  readonly lanes: LanesView;
  private readonly controls: Controls;
  /** The run playing, and the one pinned to compare (null: none). */
  model: TimelineModel | null = null;
  pinned: TimelineModel | null = null;
  scene: Scene | null = null;
  palette: Palette | null = null;
  fontPx = 12;
  /** Text widths at `fontPx` in the palette's font, cached (made by `restyle`). */
  private measure: Measure | null = null;
  zoom = 1;
  /** The learner's choice of spreading instants (null: the default for the run's size). */
  spreadChoice: boolean | null = null;

  private readonly root: HTMLElement;

  /** Lanes in `root` (the timeline: its width is the fallback before the lanes are measured; tooltips go there). */
  constructor(callbacks: LanesCallbacks, root: HTMLElement, controls: Controls) {
    this.lanes = new LanesView(callbacks, root);
    this.root = root;
    this.controls = controls;
  }

  /** Two different runs are shown. */
  get comparing(): boolean {
    return this.comparingWith(this.model);
  }

  private comparingWith(model: TimelineModel | null): boolean {
    return this.pinned !== null && model !== null && this.pinned !== model;
  }

  /** The section of the run playing (the last one). */
  current(): Section | null {
    const s = this.scene?.sections;
    return s ? s[s.length - 1] : null;
  }

  private spreadOn(model: TimelineModel): boolean {
    if (this.comparingWith(model)) return false;
    return this.spreadChoice ?? model.totalSlots <= SPREAD_LIMIT;
  }

  /** Lays the runs out again (a run, a zoom, a pin, a resize); `anchorX` keeps the axis position under that view x still. */
  relayout(anchorX?: number): void {
    if (this.model) this.present(this.lay(this.model, this.zoom, anchorX));
  }

  /**
   * The layout of the runs with `model` playing, at `zoom`, without
   * showing it (`present` does): a new run is laid out in one task and
   * drawn in the next. Null before the colours are read.
   */
  lay(model: TimelineModel, zoom: number, anchorX?: number): Laid | null {
    if (!this.palette) return null;
    const comparing = this.comparingWith(model);
    const spread = this.spreadOn(model);
    const sections: Section[] = [];
    if (comparing && this.pinned) sections.push(sectionOf(this.pinned, 0, "Pinned run", true));
    sections.push(sectionOf(model, spread ? spreadFor(model) : 0, comparing ? "This run" : null, false));
    const labelW = this.labelWidth(sections);
    let anchor: { w: number; x: number } | undefined;
    if (anchorX !== undefined && this.scene) anchor = { w: (anchorX - this.scene.labelW + this.lanes.scrollLeft) / this.scene.pxPerW, x: anchorX };
    const scene = layout({ sections, viewWidth: this.lanes.viewWidth || this.root.clientWidth || 640, fontPx: this.fontPx, labelW, zoom, spread });
    return { model, zoom, scene, anchor, spread, comparing };
  }

  /** Shows a layout made by `lay`: its run becomes the one playing. */
  present(laid: Laid | null): void {
    if (!laid) return;
    this.model = laid.model;
    this.zoom = laid.zoom;
    this.scene = laid.scene;
    this.lanes.setScene(laid.scene, laid.anchor);
    const c = this.controls;
    c.spread.checked = laid.spread;
    c.spread.disabled = laid.comparing;
    c.spread.parentElement!.title = laid.comparing ? "Off while comparing: both runs on one true time scale" : "Steps that happen at the same virtual time are drawn one after another, so their order shows";
    c.zoomOut.disabled = laid.zoom <= 1;
  }

  /** Zooms to `z` (clamped), around view x `anchorX`, or the playhead at axis position `playheadW` when it is in view, else the middle. */
  setZoom(z: number, anchorX: number | undefined, playheadW: number): boolean {
    const next = Math.max(1, Math.min(this.maxZoom(), z));
    if (next === this.zoom) return false;
    this.zoom = next;
    const scene = this.scene;
    let x = anchorX;
    if (x === undefined && scene) {
      const px = scene.labelW + playheadW * scene.pxPerW - this.lanes.scrollLeft;
      x = px >= scene.labelW && px <= this.lanes.viewWidth ? px : (scene.labelW + this.lanes.viewWidth) / 2;
    }
    this.relayout(x);
    return true;
  }

  private maxZoom(): number {
    const scene = this.scene;
    if (!scene) return 64;
    // Up to where one step of the finest instant (or 1 ms) is ~200 px wide.
    const view = Math.max(100, this.lanes.viewWidth - scene.labelW);
    return Math.max(2, (scene.span / 0.001) * (200 / view) / 50);
  }

  private labelWidth(sections: readonly Section[]): number {
    // The measurer restyle() made (and its cache of widths); a fresh one only before the first restyle.
    const measure = (this.measure ??= makeMeasure(this.fontPx, this.palette?.font ?? "sans-serif"));
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

  /** Reads the colours and font size from the page (again when the theme or presenter mode changes). */
  restyle(): void {
    const pal = readPalette(this.root);
    this.palette = pal;
    const base = Number.parseFloat(getComputedStyle(this.root).fontSize) || 14;
    this.fontPx = Math.max(10, Math.round(base * 0.86));
    this.measure = makeMeasure(this.fontPx, pal.font);
    this.lanes.setStyle(pal, this.measure);
  }
}
