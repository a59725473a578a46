/**
 * The time axis: ticks with grid lines through the lanes, the bands of
 * spread instants ("no time passes here"), and the end of each run.
 */
import { fmtTime, tickLabel, ticks, tickStep } from "../scale.ts";
import type { PaintContext } from "./context.ts";
import { node, r, text } from "./svg.ts";

/** Spread instants: bands that say "no time passes here", behind the lanes. */
export function paintBands(ctx: PaintContext, bands: SVGGElement): void {
  const { scene, vp, pal, hits, X, W0, W1, pxPerW } = { ...ctx, pxPerW: ctx.scene.pxPerW };
  if (!scene.spread) return;
  const axisH = scene.axisH;
  scene.sections.forEach((section, si) => {
    const { warp, model } = section;
    const from = Math.max(0, warp.lastAtOrBefore(warp.invert(W0).t));
    const top = scene.sections.length > 1 ? Math.max(axisH, ctx.rowY(scene.rows[scene.sectionRows[si].first])) : axisH;
    for (let i = from; i < warp.times.length && warp.start[i] <= W1; i++) {
      if (warp.exp[i] * pxPerW < 4) continue;
      const x0 = X(warp.start[i]);
      const x1 = X(warp.start[i] + warp.exp[i]);
      node("rect", { x: r(x0), y: top, width: r(x1 - x0), height: vp.height - top, fill: pal.band }, bands);
      const inst = model.instants[i];
      hits.push({
        x0,
        x1,
        y0: top,
        y1: vp.height,
        section: si,
        order: -1,
        tip: [`${inst.slots} ${inst.slots === 1 ? "step" : "steps"} at ${fmtTime(model.t(inst.first))}`, "No virtual time passes here: the instant is spread out so the order of its steps shows."],
      });
    }
  });
}

/** The axis at the top, its ticks and their grid lines, and each run's end. */
export function paintAxis(ctx: PaintContext, axis: SVGGElement, grid: SVGGElement): void {
  const { scene, vp, pal, measure, X, W0, W1, labelW, right, fontPx } = ctx;
  const { axisH, pxPerW } = scene;
  node("rect", { x: 0, y: 0, width: vp.width, height: axisH, fill: pal.surface }, axis);
  node("line", { x1: 0, x2: vp.width, y1: axisH - 0.5, y2: axisH - 0.5, stroke: pal.grid }, axis);
  const axisSection = scene.sections[scene.sections.length - 1];
  const warp = axisSection.warp;
  const step = tickStep(pxPerW, fontPx * 7);
  const tEnd = Math.max(...scene.sections.map((s) => s.warp.endTime));
  const t0 = Math.max(0, warp.invert(W0).t);
  const t1 = Math.min(tEnd, warp.invert(W1).t);
  const endX = X(warp.ofTime(axisSection.model.endTime));
  for (const t of ticks(t0, t1, step)) {
    const x = X(warp.ofTime(t));
    if (x < labelW - 1 || x > right) continue;
    node("line", { x1: r(x), x2: r(x), y1: axisH - 6, y2: axisH, stroke: pal.textDim }, axis);
    node("line", { x1: r(x), x2: r(x), y1: axisH, y2: vp.height, "stroke-opacity": 0.5 }, grid);
    if (Math.abs(x - endX) > 2 || scene.sections.length > 1) text(axis, x + 3, fontPx * 1.15, tickLabel(t, step), { fill: pal.textDim });
  }
  if (scene.spread) {
    for (let i = Math.max(0, warp.lastAtOrBefore(t0)); i < warp.times.length && warp.start[i] <= W1; i++) {
      const wpx = warp.exp[i] * pxPerW;
      if (wpx < 4) continue;
      const x0 = X(warp.start[i]);
      node("rect", { x: r(x0), y: fontPx * 1.5, width: r(wpx), height: axisH - fontPx * 1.5 - 1, fill: pal.band }, axis);
      const n = axisSection.model.instants[i]?.slots ?? 0;
      // Whole captions only: "3 s…" cut from "3 steps, 0 s" would read as a duration.
      const caption = [`${n} ${n === 1 ? "step" : "steps"}, 0 s`, `${n} ${n === 1 ? "step" : "steps"}`, `${n}`].find((c) => measure(c) <= wpx - 6);
      if (caption) text(axis, x0 + 3, axisH - fontPx * 0.35, caption, { fill: pal.textDim, "font-size": Math.round(fontPx * 0.85) });
    }
  }
  // End of each run.
  scene.sections.forEach((s, si) => {
    const x = X(s.warp.ofTime(s.model.endTime));
    if (x < labelW || x > right) return;
    const { first: fr, last: lr } = scene.sectionRows[si];
    const top = scene.sections.length > 1 && fr >= 0 ? Math.max(axisH, ctx.rowY(scene.rows[fr])) : axisH;
    const bottom = lr >= 0 ? Math.min(vp.height, ctx.rowY(scene.rows[lr]) + scene.rows[lr].h) : vp.height;
    node("line", { x1: r(x), x2: r(x), y1: top, y2: bottom, stroke: pal.text, "stroke-opacity": 0.55, "stroke-dasharray": "4 3" }, ctx.arrows);
    if (si === scene.sections.length - 1) {
      node("line", { x1: r(x), x2: r(x), y1: 2, y2: axisH, stroke: pal.text }, axis);
      // Clear of the playhead's handle (12 px wide), which sits at the end of
      // the axis when playback is over: after the last instant's steps.
      text(axis, Math.max(x, X(s.warp.length)) + 9, fontPx * 1.15, `end ${fmtTime(s.model.endTime)}`, { fill: pal.text, "font-weight": 600 });
    }
  });
}
