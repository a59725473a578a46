/**
 * Where things go: one or two runs (a pinned one above the current one),
 * their lanes as rows with heights, and one horizontal scale shared by
 * all — so two runs compare at a glance.
 */
import type { Lane, TimelineModel } from "./model/model.ts";
import { expansions, slotWidth, Warp } from "./scale.ts";

export interface Section {
  readonly model: TimelineModel;
  /** Drawn axis (instants spread or not). */
  readonly warp: Warp;
  /** Per order (plus one for the end of the run): position on the drawn axis. */
  readonly pos: Float64Array;
  /** "Pinned run", "This run"; null when only one run is shown. */
  readonly title: string | null;
  /** True for the pinned run: drawn, not played. */
  readonly pinned: boolean;
}

export interface Row {
  readonly section: number;
  /** null: the section's header row. */
  readonly lane: Lane | null;
  readonly y: number;
  readonly h: number;
}

export interface Scene {
  readonly sections: readonly Section[];
  readonly rows: readonly Row[];
  /** Pixels per unit of axis (a second, where instants are not spread). */
  readonly pxPerW: number;
  readonly labelW: number;
  readonly axisH: number;
  /** Room after the end of the run (for the end label and results). */
  readonly padRight: number;
  /** Whole drawing, in px. */
  readonly width: number;
  /** The view width it was laid out for, px (a view of another width needs a new layout). */
  readonly viewWidth: number;
  readonly height: number;
  readonly fontPx: number;
  readonly spread: boolean;
  /** Axis units across all sections. */
  readonly span: number;
  /** First and last row index of each section. */
  readonly sectionRows: readonly { readonly first: number; readonly last: number }[];
  /** Row index of each lane (lanes are objects of one section's model). */
  readonly rowOf: ReadonlyMap<Lane, number>;
}

/** A drawn axis for a model: instants spread by `perSlot` (0: true time). */
export function sectionOf(model: TimelineModel, perSlot: number, title: string | null, pinned: boolean): Section {
  const exp = expansions(model.instants, perSlot);
  const warp = new Warp(
    model.instants.map((i) => i.t),
    exp,
    model.endTime,
  );
  const pos = warp.positions(model.instantOf, model.frac, 1);
  pos[model.count] = warp.length;
  return { model, warp, pos, title, pinned };
}

/** The per-step width that spreads this model's instants. */
export function spreadFor(model: TimelineModel): number {
  return slotWidth(model.endTime, model.totalSlots);
}

/** Lane height in units of the font size. */
function laneHeight(lane: Lane | null, fontPx: number): number {
  const u = Math.round(fontPx * 2.5);
  if (lane === null) return Math.round(u * 1.05);
  switch (lane.kind) {
    case "prim":
      return Math.round(u * 1.3);
    case "host":
      return Math.round(u * 1.15);
    case "thread":
      return Math.round(u * 0.9);
    default:
      return u;
  }
}

/** The whole run at zoom 1 is never drawn narrower than this, px. */
export const MIN_PLOT_PX = 300;

export interface LayoutInput {
  readonly sections: readonly Section[];
  /** Width of the visible area, px. */
  readonly viewWidth: number;
  readonly fontPx: number;
  readonly labelW: number;
  /** 1 = the whole run fits the view. */
  readonly zoom: number;
  readonly spread: boolean;
}

export function layout(input: LayoutInput): Scene {
  const { sections, viewWidth, fontPx, labelW, zoom } = input;
  const axisH = Math.round(fontPx * 2.4);
  const padRight = Math.round(fontPx * 8);
  const rows: Row[] = [];
  let y = 0;
  sections.forEach((s, i) => {
    if (s.title !== null) {
      const h = laneHeight(null, fontPx);
      rows.push({ section: i, lane: null, y, h });
      y += h;
    }
    for (const lane of s.model.lanes) {
      const h = laneHeight(lane, fontPx);
      rows.push({ section: i, lane, y, h });
      y += h;
    }
  });
  const span = Math.max(1e-9, ...sections.map((s) => s.warp.length));
  // A phone's column leaves little room: the plot keeps a readable width
  // and the view scrolls sideways (the label column stays put).
  const avail = Math.max(MIN_PLOT_PX, viewWidth - labelW - padRight - 8);
  const pxPerW = (avail / span) * zoom;
  return {
    sections,
    rows,
    pxPerW,
    labelW,
    axisH,
    padRight,
    width: Math.ceil(labelW + span * pxPerW + padRight + 8),
    viewWidth,
    height: axisH + y + 4,
    fontPx,
    spread: input.spread,
    span,
    sectionRows: sections.map((_, i) => ({ first: rows.findIndex((r) => r.section === i), last: rows.findLastIndex((r) => r.section === i) })),
    rowOf: new Map(rows.flatMap((r, i) => (r.lane ? [[r.lane, i] as const] : []))),
  };
}

/**
 * The scene cut to its first `max` rows, consistent with itself (the row
 * index of every lane, each run's first and last row, the height), for a
 * download of a run with more lanes than a picture can hold.
 */
export function firstRows(scene: Scene, max: number): Scene {
  if (scene.rows.length <= max) return scene;
  const rows = scene.rows.slice(0, Math.max(0, max));
  const last = rows[rows.length - 1];
  return {
    ...scene,
    rows,
    height: scene.axisH + (last ? last.y + last.h : 0) + 4,
    sectionRows: scene.sectionRows.map(({ first, last: l }) => (first < rows.length ? { first, last: Math.min(l, rows.length - 1) } : { first: -1, last: -1 })),
    rowOf: new Map([...scene.rowOf].filter(([, i]) => i < rows.length)),
  };
}
