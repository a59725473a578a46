/**
 * An executor worker's lane: each job as a bar while it runs (red edge if
 * it raised), hatched while it waited in the queue.
 */
import type { ThreadLane } from "../model/model.ts";
import { fmtTime } from "../scale.ts";
import type { Painter } from "./context.ts";
import { fitFirst, node, r, shorterCalls, text } from "./svg.ts";

export const paintThread: Painter<ThreadLane> = (ctx, g, lane, section, row, y) => {
  const { pal, measure, hits, labelW, fontPx, right, X, uid } = ctx;
  const { pos, model } = section;
  const h = row.h;
  const bh = Math.round(h * 0.64);
  const top = y + (h - bh) / 2;
  for (const j of lane.jobs) {
    const q0 = X(pos[j.queued]);
    const x0 = X(pos[j.from]);
    const x1 = X(pos[j.to]);
    if (x1 < labelW || q0 > right) continue;
    if (x0 - q0 > 2) node("rect", { x: r(q0), y: r(top + bh * 0.25), width: r(x0 - q0), height: r(bh * 0.5), fill: `url(#${uid}-queued)`, stroke: pal.executor, "stroke-dasharray": "3 2" }, g);
    node("rect", { x: r(x0), y: r(top), width: r(Math.max(2, x1 - x0)), height: bh, rx: 3, fill: pal.executorFill, stroke: j.ok ? pal.executor : pal.error }, g);
    const label = fitFirst(measure, [j.label, ...shorterCalls(j.label)], x1 - Math.max(x0, labelW) - 10);
    if (label) text(g, Math.max(x0, labelW) + 5, top + bh / 2 + fontPx * 0.35, label, { fill: pal.executorText, "font-weight": 600 });
    hits.push({
      x0,
      x1: Math.max(x1, x0 + 4),
      y0: y,
      y1: y + h,
      section: row.section,
      order: j.from,
      tip: [`thread ${lane.worker} runs ${j.label}`, `${fmtTime(model.t(j.from))} → ${fmtTime(j.to < model.count ? model.t(j.to) : model.endTime)}`, j.ok ? "the loop stays free meanwhile" : "it raised"],
    });
  }
};
