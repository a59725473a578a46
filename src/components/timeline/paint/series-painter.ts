/**
 * Lanes of a value over time: a primitive's (its waiters as an area, its
 * value as a step line: free permits, free or held, set or not, items) and
 * an HTTP host's (requests in flight, with a tick for each response).
 * Changes closer than a pixel merge into one column.
 */
import { primText, primTexts } from "../describe.ts";
import type { Row, Section } from "../layout.ts";
import type { HostLane, PrimLane, Series } from "../model/model.ts";
import { lowerBound } from "../model/search.ts";
import { fmtTime } from "../scale.ts";
import type { PaintContext, Painter } from "./context.ts";
import { fitFirst, node, r, text } from "./svg.ts";

interface SeriesStyle {
  readonly max: number;
  /** Which column the area shows. */
  readonly key: "value" | "waiters";
  readonly fill: string;
  readonly stroke: string;
  /** Labels of point i, longest first (see fitFirst). */
  label(i: number): readonly string[];
  tip(i: number): string[];
  /** Also draw `value` as a step line on its own scale (a primitive: the area is its waiters, the line its permits or items). */
  readonly line?: { readonly max: number; readonly stroke: string };
}

function paintSeries(ctx: PaintContext, g: SVGGElement, points: Series, section: Section, row: Row, y: number, o: SeriesStyle): void {
  const { pal, measure, hits, labelW, fontPx, right, X, full } = ctx;
  const { pos, model } = section;
  if (points.length === 0) return;
  const h = row.h;
  const base = y + h - 3;
  const scale = (h - 8) / o.max;
  const lineY = (v: number) => base - (o.line ? v * ((h - 8) / o.line.max) : 0);
  const at = points.at;
  const shown = o.key === "value" ? points.value : points.waiters;
  let i = full ? 0 : Math.max(0, lowerBound(points.length, ctx.W0, (j) => pos[at[j]]) - 1);
  const endX = X(section.warp.ofTime(model.endTime));
  let d = "";
  let colX = Number.NaN;
  let colV = 0;
  let lineD = "";
  let lineV = 0;
  let started = false;
  for (; i < points.length; i++) {
    const x = X(pos[at[i]]);
    const next = i + 1 < points.length ? X(pos[at[i + 1]]) : endX;
    const v = shown[i];
    const value = points.value[i];
    if (!started) {
      d = `M${r(x)} ${r(base)}`;
      lineD = `M${r(x)} ${r(lineY(value))}`;
      started = true;
      colX = x;
      colV = v;
      lineV = value;
    } else if (x - colX < 1) {
      colV = Math.max(colV, v);
      lineV = value;
    } else {
      d += `V${r(base - colV * scale)}H${r(x)}`;
      lineD += `V${r(lineY(lineV))}H${r(x)}`;
      colX = x;
      colV = v;
      lineV = value;
    }
    if (next - x > 6) {
      const tx = Math.max(x, labelW) + 4;
      const fitted = fitFirst(measure, o.label(i), Math.min(next, right) - tx - 4);
      if (fitted) text(g, tx, y + fontPx * 1.1, fitted, { fill: pal.text });
      hits.push({ x0: x, x1: next, y0: y, y1: y + h, section: row.section, order: at[i], tip: [...o.tip(i), `from ${fmtTime(model.t(at[i]))}`] });
    }
    if (x > right + 40 && !full) break;
  }
  if (started) {
    const lastX = Math.min(Math.max(colX, endX), right + 40);
    d += `V${r(base - colV * scale)}H${r(lastX)}V${r(base)}z`;
    node("path", { d, fill: o.fill, stroke: o.stroke, "stroke-width": 1, "stroke-linejoin": "round" }, g);
    if (o.line) node("path", { d: `${lineD}V${r(lineY(lineV))}H${r(lastX)}`, fill: "none", stroke: o.line.stroke, "stroke-width": 2, "stroke-linejoin": "round" }, g);
    // Text drawn before the area would be hidden under it: move texts to the end.
    for (const t of [...g.querySelectorAll("text")]) g.append(t);
  }
}

export const paintPrim: Painter<PrimLane> = (ctx, g, lane, section, row, y) => {
  const { value, waiters } = lane.points;
  paintSeries(ctx, g, lane.points, section, row, y, {
    max: Math.max(1, lane.maxWaiters),
    key: "waiters",
    fill: ctx.pal.primFill,
    stroke: ctx.pal.prim,
    label: (i) => primTexts(lane.primKind, value[i], waiters[i]),
    tip: (i) => [`${lane.label}`, primText(lane.primKind, value[i], waiters[i])],
    line: { max: Math.max(1, lane.maxValue), stroke: ctx.pal.text },
  });
};

export const paintHost: Painter<HostLane> = (ctx, g, lane, section, row, y) => {
  const { value } = lane.points;
  paintSeries(ctx, g, lane.points, section, row, y, {
    max: Math.max(1, lane.maxInFlight),
    key: "value",
    fill: ctx.pal.netFill,
    stroke: ctx.pal.net,
    label: (i) => [`${value[i]} in flight`, `${value[i]}`],
    tip: (i) => [`${lane.host}`, `${value[i]} ${value[i] === 1 ? "request" : "requests"} in flight`],
  });
  // A tick for each response.
  const { pal, hits, labelW, right, X } = ctx;
  const { pos, model } = section;
  let lastX = -Infinity;
  for (const req of lane.requests) {
    if (req.to >= model.count) continue;
    const x = X(pos[req.to]);
    if (x < labelW || x > right) continue;
    const ok = /^[23]\d\d/.test(req.outcome);
    const color = ok ? pal.done : /cancel|timeout/i.test(req.outcome) ? pal.cancelled : pal.error;
    if (x - lastX >= 1) node("rect", { x: r(x - 1), y: y + row.h - 8, width: 2, height: 6, fill: color }, g);
    lastX = x;
    hits.push({ x0: x - 3, x1: x + 3, y0: y + row.h - 10, y1: y + row.h, section: row.section, order: req.to, tip: [`${req.method} ${req.url}`, `→ ${req.outcome} at ${fmtTime(model.t(req.to))}`, `sent at ${fmtTime(model.t(req.from))} by ${req.task ? model.taskName(req.task) : "a worker thread"}`] });
  }
};
