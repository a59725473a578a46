/**
 * The label column: each lane's name (and a dimmer second part: the
 * coroutine, "executor", "permits"...), a tooltip with all of it, each
 * run's header when two are compared, and the axis corner.
 */
import type { TimelineModel } from "../model/model.ts";
import type { Lane } from "../model/model.ts";
import { fmtTime } from "../scale.ts";
import type { PaintContext } from "./context.ts";
import { fit, node, r, text } from "./svg.ts";

/** A lane's label: name, a dimmer second part, and the full tooltip. */
export function laneLabel(lane: Lane, model: TimelineModel): { name: string; sub: string; tip: string[] } {
  switch (lane.kind) {
    case "loop":
      return { name: "event loop", sub: "", tip: ["The event loop", "runs one task at a time; red: blocked (nothing else can run)"] };
    case "thread":
      return { name: `thread ${lane.worker}`, sub: "executor", tip: [`Executor worker thread ${lane.worker}`, `${lane.jobs.length} ${lane.jobs.length === 1 ? "job" : "jobs"}`] };
    case "prim":
      return { name: lane.label, sub: lane.primKind === "semaphore" ? "permits" : lane.primKind, tip: [lane.label, "value and waiting tasks over time"] };
    case "host":
      return { name: lane.host, sub: "requests", tip: [lane.host, `${lane.requests.length} ${lane.requests.length === 1 ? "request" : "requests"}, at most ${lane.maxInFlight} in flight at once`] };
    case "task": {
      const info = lane.info;
      const ended = info.endedAt === null ? "never finished" : `${info.outcome === "result" ? "finished" : info.outcome === "error" ? "failed" : "cancelled"} at ${fmtTime(info.endedAt)}`;
      const parent = info.parent ? `created by ${model.taskName(info.parent)}` : "the main task (asyncio.run)";
      return { name: info.name, sub: `${info.coro}()`, tip: [`${info.name}: ${info.coro}()`, `${parent} at ${fmtTime(info.createdAt)}`, ended] };
    }
  }
}

/** The label column for rows `first` to before `last`; `highlight` marks one lane's label (the await graph's link). */
export function paintLabels(ctx: PaintContext, labels: SVGGElement, first: number, last: number, highlight: string | null): void {
  const { scene, vp, pal, measure, hits, labelW, fontPx } = ctx;
  const { axisH } = scene;
  node("rect", { x: 0, y: 0, width: labelW, height: vp.height, fill: pal.surface }, labels);
  node("line", { x1: labelW - 0.5, x2: labelW - 0.5, y1: 0, y2: vp.height, stroke: pal.grid }, labels);
  text(labels, 8, fontPx * 1.15, "lane", { fill: pal.textDim });
  text(labels, 8, axisH - fontPx * 0.35, "time →", { fill: pal.textDim, "font-size": Math.round(fontPx * 0.85) });
  for (let i = first; i < last; i++) {
    const row = scene.rows[i];
    const y = ctx.rowY(row);
    if (y + row.h < axisH) continue;
    if (row.lane === null) continue;
    if (row.lane.key === highlight) {
      node("rect", { x: 0, y: r(y), width: labelW, height: row.h, fill: pal.playhead, "fill-opacity": 0.22, "data-highlight": row.lane.key }, labels);
      node("rect", { x: labelW - 4, y: r(y), width: 4, height: row.h, fill: pal.playhead }, labels);
    }
    node("line", { x1: 0, x2: labelW, y1: r(y + row.h - 0.5), y2: r(y + row.h - 0.5), stroke: pal.grid, "stroke-opacity": 0.5 }, labels);
    const { name, sub, tip } = laneLabel(row.lane, scene.sections[row.section].model);
    const base = y + row.h / 2 + fontPx * 0.35;
    const nameText = fit(measure, name, labelW - 14, true) ?? "…";
    const g = node("g", {}, labels);
    text(g, 8, base, nameText, { fill: pal.text, "font-weight": 600 });
    const used = measure(nameText, true) + 8 + 6;
    const subText = sub ? fit(measure, sub, labelW - used - 6) : null;
    if (subText) text(g, used, base, subText, { fill: pal.textDim, "font-family": pal.mono, "font-size": Math.round(fontPx * 0.92) });
    hits.push({ x0: 0, x1: labelW, y0: y, y1: y + row.h, section: row.section, order: -1, tip });
  }
  // The header of each run, over the label column too.
  for (let i = first; i < last; i++) {
    const row = scene.rows[i];
    if (row.lane !== null) continue;
    const y = ctx.rowY(row);
    const s = scene.sections[row.section];
    node("rect", { x: 0, y, width: labelW, height: row.h, fill: pal.surface }, labels);
    text(labels, 8, y + row.h / 2 + fontPx * 0.35, fit(measure, s.title ?? "", labelW - 12, true) ?? "", { fill: pal.text, "font-weight": 700 });
  }
  // Axis corner over the label column.
  node("rect", { x: 0, y: 0, width: labelW, height: axisH, fill: pal.surface }, labels);
  node("line", { x1: 0, x2: labelW, y1: axisH - 0.5, y2: axisH - 0.5, stroke: pal.grid }, labels);
  text(labels, 8, fontPx * 1.15, "virtual time", { fill: pal.textDim });
  if (scene.spread) text(labels, 8, axisH - fontPx * 0.35, "▥ = one instant", { fill: pal.textDim, "font-size": Math.round(fontPx * 0.85) });
}
