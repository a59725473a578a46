/**
 * The event loop's lane: a bar while some task runs (steps closer than a
 * pixel merged), "idle" where it waits for timers and I/O, and its blocked
 * periods in red (nothing else can run, no timer fires).
 */
import type { LoopLane } from "../model/model.ts";
import { lowerBound } from "../model/search.ts";
import { fmtDuration, fmtTime } from "../scale.ts";
import type { Painter } from "./context.ts";
import { fit, fitFirst, node, r, shorterCalls, text } from "./svg.ts";

export const paintLoop: Painter<LoopLane> = (ctx, g, loop, section, row, y) => {
  const { pal, measure, hits, labelW, fontPx, right, W0, X, full } = ctx;
  const { pos, model } = section;
  const h = row.h;
  const bh = Math.round(h * 0.4);
  const top = y + (h - bh) / 2;
  // Busy: a task is running. Steps closer than a pixel merge into one bar.
  const steps = loop.steps;
  const lo = full ? 0 : lowerBound(steps.length / 2, W0, (i) => pos[steps[i * 2 + 1]]);
  let d = "";
  let curX0 = Number.NaN;
  let curX1 = Number.NaN;
  let prevEnd = lo > 0 ? X(pos[steps[lo * 2 - 1]]) : X(0);
  const idle = (a: number, b: number) => {
    if (b - a < 70) return;
    const label = fit(measure, "idle: waiting for timers and I/O", b - Math.max(a, labelW) - 10) ?? fit(measure, "idle", b - Math.max(a, labelW) - 8);
    if (label) text(g, Math.max(a, labelW) + 6, y + h / 2 + fontPx * 0.35, label, { fill: pal.textDim, "font-style": "italic" });
  };
  const flush = () => {
    if (Number.isNaN(curX0)) return;
    const w = Math.max(1.5, curX1 - curX0);
    d += `M${r(curX0)} ${r(top)}h${r(w)}v${bh}h${r(-w)}z`;
  };
  for (let i = lo; i < steps.length / 2; i++) {
    const a = X(pos[steps[i * 2]]);
    const b = X(pos[steps[i * 2 + 1]]);
    if (a > right + 40 && !full) break;
    if (!Number.isNaN(curX1) && a - curX1 < 1) curX1 = Math.max(curX1, b);
    else {
      flush();
      idle(prevEnd, a);
      curX0 = a;
      curX1 = b;
    }
    prevEnd = curX1;
    if (loop.blocks.length === 0 && i - lo < 400) {
      hits.push({ x0: a - 1, x1: Math.max(b, a + 2) + 1, y0: y, y1: y + h, section: row.section, order: steps[i * 2], tip: [`the loop runs ${model.taskName(loop.stepTasks[i])}`, fmtTime(model.t(steps[i * 2]))] });
    }
  }
  flush();
  const endX = X(section.warp.ofTime(model.endTime));
  if (!Number.isNaN(curX1)) idle(curX1, endX);
  if (d) node("path", { d, fill: pal.running }, g);
  for (const b of loop.blocks) {
    const x0 = X(pos[b.at]);
    const x1 = X(section.warp.ofTime(b.end));
    if (x1 < labelW || x0 > right) continue;
    const bh2 = Math.round(h * 0.7);
    const t2 = y + (h - bh2) / 2;
    node("rect", { x: r(x0), y: r(t2), width: r(Math.max(2, x1 - x0)), height: bh2, rx: 2, fill: pal.blockedFill, stroke: pal.blocked, "data-block": b.at }, g);
    const label = fitFirst(measure, [`blocked: ${b.label}`, b.label, ...shorterCalls(b.label), "blocked"], x1 - Math.max(x0, labelW) - 10);
    if (label) text(g, Math.max(x0, labelW) + 5, y + h / 2 + fontPx * 0.35, label, { fill: pal.blockedText, "font-weight": 600 });
    hits.push({
      x0,
      x1,
      y0: y,
      y1: y + h,
      section: row.section,
      order: b.at,
      tip: [`the loop is blocked: ${b.label}`, `${fmtTime(b.t)} → ${fmtTime(b.t + b.seconds)} (${fmtDuration(b.seconds)})`, b.task ? `called by ${model.taskName(b.task)}; no other task can run, no timer fires` : ""].filter(Boolean),
    });
  }
};
