/** The playhead: a line through the current run's lanes, its lane marked, the current event ringed. */
import type { Scene } from "../layout.ts";
import type { Palette } from "../palette.ts";
import { node, r, type Viewport } from "./svg.ts";

export interface PlayheadAt {
  /** Position on the drawn axis. */
  readonly w: number;
  /** The event at the playhead (-1: before the first). */
  readonly order: number;
  /** The section (run) it plays. */
  readonly section: number;
}

/** Draws the playhead into its layer `g` (emptied first). */
export function drawPlayhead(g: SVGGElement, scene: Scene, vp: Viewport, pal: Palette, at: PlayheadAt): void {
  g.replaceChildren();
  const { labelW, axisH, pxPerW } = scene;
  const x = labelW + at.w * pxPerW - vp.left;
  const rows = scene.rows;
  let top = axisH;
  let bottom = vp.height;
  const span = scene.sectionRows[at.section];
  if (span && span.first >= 0 && scene.sections.length > 1) {
    top = Math.max(axisH, axisH + rows[span.first].y - vp.top);
    bottom = Math.min(vp.height, axisH + rows[span.last].y + rows[span.last].h - vp.top);
  }
  const section = scene.sections[at.section];
  if (!section) return;
  if (at.order >= 0 && at.order < section.model.count) {
    const lane = section.model.laneAt(at.order);
    const ri = lane ? scene.rowOf.get(lane) : undefined;
    if (ri !== undefined) {
      const row = rows[ri];
      const y = axisH + row.y - vp.top;
      if (y + row.h > axisH && y < vp.height) {
        node("rect", { x: 0, y: r(y), width: labelW, height: row.h, fill: pal.playhead, "fill-opacity": 0.16 }, g);
        node("rect", { x: 0, y: r(y), width: 3, height: row.h, fill: pal.playhead }, g);
        const ex = labelW + section.pos[at.order] * pxPerW - vp.left;
        if (ex >= labelW) node("circle", { cx: r(ex), cy: r(y + row.h / 2), r: Math.round(row.h * 0.36), fill: "none", stroke: pal.playhead, "stroke-width": 2 }, g);
      }
    }
  }
  if (x < labelW - 1 || x > vp.width + 1) return;
  node("line", { x1: r(x), x2: r(x), y1: top, y2: bottom, stroke: pal.playhead, "stroke-width": 2 }, g);
  node("path", { d: `M${r(x - 6)} 0h12v${axisH - 8}l-6 6l-6 -6z`, fill: pal.playhead, "fill-opacity": 0.9 }, g);
}
