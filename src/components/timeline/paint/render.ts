/**
 * Draws a scene into an SVG: the part in view (rows outside it are not
 * drawn; changes closer than a pixel are merged), or all of it for the
 * download. Each lane is drawn by the painter of its kind; the axis, the
 * bands of spread instants and the label column have their own modules.
 *
 * Returns hit boxes (what is under the pointer, and which event a click on
 * it shows), so pointer handling needs no listener per element.
 */
import { fmtTime } from "../scale.ts";
import type { Row, Scene, Section } from "../layout.ts";
import type { Lane } from "../model/model.ts";
import { lowerBound } from "../model/search.ts";
import type { Palette } from "../palette.ts";
import { paintAxis, paintBands } from "./axis.ts";
import type { PaintContext, Painter } from "./context.ts";
import { paintLabels } from "./labels.ts";
import { paintLoop } from "./loop-painter.ts";
import { paintHost, paintPrim } from "./series-painter.ts";
import type { HitBox, Measure, Viewport } from "./svg.ts";
import { node, r, text } from "./svg.ts";
import { paintTask } from "./task-painter.ts";
import { paintThread } from "./thread-painter.ts";

/** The painter of each kind of lane. */
const PAINTERS: { readonly [K in Lane["kind"]]: Painter<Extract<Lane, { kind: K }>> } = {
  loop: paintLoop,
  thread: paintThread,
  prim: paintPrim,
  host: paintHost,
  task: paintTask,
};

export interface RenderOptions {
  readonly measure: Measure;
  /** Draw everything (for the download): no culling by view. */
  readonly full?: boolean;
  /** Key of a lane to mark (the await graph's link to it). */
  readonly highlight?: string | null;
}

/** Index of the first row whose bottom is below `y` (content coordinates, below the axis). */
export function firstRowAt(rows: readonly Row[], y: number): number {
  return lowerBound(rows.length, y, (i) => rows[i].y + rows[i].h, true);
}

/** Redraws `svg` for the viewport. Keeps (re-appends) the playhead layer. Returns hit boxes. */
export function render(svg: SVGSVGElement, scene: Scene, vp: Viewport, pal: Palette, opts: RenderOptions): HitBox[] {
  const { labelW, axisH, pxPerW, fontPx } = scene;
  const full = opts.full === true;
  const highlight = opts.highlight ?? null;
  svg.setAttribute("width", String(vp.width));
  svg.setAttribute("height", String(vp.height));
  svg.setAttribute("viewBox", `0 0 ${vp.width} ${vp.height}`);
  svg.setAttribute("font-family", pal.font);
  svg.setAttribute("font-size", String(fontPx));
  const playhead = svg.querySelector<SVGGElement>("g[data-layer=playhead]") ?? node("g", { "data-layer": "playhead" });
  // Drawn detached and put in the page at once: appending node by node to a
  // live SVG costs a mutation record each, and every observer of the page
  // (Astro's link prefetcher looks into each added node) pays for all of them.
  const out = document.createDocumentFragment();

  const defs = node("defs", {}, out);
  const hatch = (id: string, color: string, opacity: number) => {
    const p = node("pattern", { id, width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" }, defs);
    node("rect", { width: 2.5, height: 6, fill: color, "fill-opacity": opacity }, p);
  };
  const uid = svg.dataset.uid ?? "tl";
  hatch(`${uid}-ready`, pal.readyStroke, 0.55);
  hatch(`${uid}-late`, pal.late, 0.6);
  hatch(`${uid}-queued`, pal.executor, 0.4);
  const right = vp.width;
  const clip = node("clipPath", { id: `${uid}-lanes` }, defs);
  node("rect", { x: labelW, y: axisH, width: Math.max(0, right - labelW), height: Math.max(0, vp.height - axisH) }, clip);

  node("rect", { x: 0, y: 0, width: vp.width, height: vp.height, fill: pal.bg }, out);
  const lanes = node("g", { "clip-path": `url(#${uid}-lanes)` }, out);
  const bands = node("g", { "data-layer": "bands" }, lanes);
  const grid = node("g", { "data-layer": "grid", stroke: pal.grid, "stroke-width": 1 }, lanes);
  const content = node("g", { "data-layer": "rows" }, lanes);
  const arrows = node("g", { "data-layer": "handoffs" }, lanes);

  const ctx: PaintContext = {
    scene,
    vp,
    pal,
    measure: opts.measure,
    full,
    uid,
    hits: [],
    labelW,
    fontPx,
    right,
    W0: (vp.left - 40) / pxPerW,
    W1: (vp.left + vp.width - labelW + 40) / pxPerW,
    X: (w) => labelW + w * pxPerW - vp.left,
    rowY: (row) => axisH + row.y - vp.top,
    arrows,
  };

  // Rows in view.
  const first = full ? 0 : firstRowAt(scene.rows, vp.top);
  let last = first;
  while (last < scene.rows.length && scene.rows[last].y < vp.top + vp.height - axisH) last++;
  for (let i = first; i < last; i++) {
    const row = scene.rows[i];
    const y = ctx.rowY(row);
    const section = scene.sections[row.section];
    if (row.lane === null) {
      paintHeader(ctx, content, section, row, y);
      continue;
    }
    if (i % 2 === 1) node("rect", { x: labelW, y, width: right - labelW, height: row.h, fill: pal.stripe }, content);
    if (row.lane.key === highlight) node("rect", { x: labelW, y, width: right - labelW, height: row.h, fill: pal.playhead, "fill-opacity": 0.1 }, content);
    const g = node("g", { "data-lane": row.lane.key, opacity: section.pinned ? 0.85 : 1 }, content);
    node("line", { x1: labelW, x2: right, y1: r(y + row.h - 0.5), y2: r(y + row.h - 0.5), stroke: pal.grid, "stroke-opacity": 0.5 }, g);
    (PAINTERS[row.lane.kind] as Painter<Lane>)(ctx, g, row.lane, section, row, y);
  }
  paintBands(ctx, bands);
  const axis = node("g", { "data-layer": "axis" }, out);
  paintAxis(ctx, axis, grid);
  const labels = node("g", { "data-layer": "labels" }, out);
  paintLabels(ctx, labels, first, last, highlight);

  out.append(playhead);
  svg.replaceChildren(out);
  return ctx.hits;
}

/** A run's header row when two are compared: its length as a bar, and in words. */
function paintHeader(ctx: PaintContext, g: SVGGElement, section: Section, row: Row, y: number): void {
  const { pal, labelW, right, X, fontPx } = ctx;
  node("rect", { x: labelW, y, width: right - labelW, height: row.h, fill: pal.surface }, g);
  const x0 = X(0);
  const x1 = X(section.warp.ofTime(section.model.endTime));
  const h = row.h * 0.44;
  node("rect", { x: r(x0), y: r(y + (row.h - h) / 2), width: r(Math.max(2, x1 - x0)), height: r(h), rx: 3, fill: section.pinned ? pal.textDim : pal.running, "fill-opacity": 0.85 }, g);
  text(g, Math.max(x1, labelW) + 6, y + row.h / 2 + fontPx * 0.35, `${fmtTime(section.model.endTime)} of loop time`, { fill: pal.text, "font-weight": 600 });
}
