/**
 * A task's lane: ready (hatched), running (solid), waiting (labelled with
 * what it waits on, late in amber), blocking the loop (red); marks for its
 * creation, prints, timeouts and end; dashed arrows from the task that woke
 * it. Segments closer than a pixel merge into one bar.
 */
import { fmtCount, fmtDuration, fmtTime } from "../scale.ts";
import type { Segment, TaskLane } from "../model/model.ts";
import { lowerBound } from "../model/search.ts";
import type { Painter } from "./context.ts";
import { fit, fitFirst, node, r, shorterCalls, shorterWaits, text } from "./svg.ts";

export const paintTask: Painter<TaskLane> = (ctx, g, lane, section, row, y) => {
  const { pal, measure, hits, labelW, fontPx, right, W1, X, scene, uid, full } = ctx;
  const { pos, model } = section;
  const h = row.h;
  const name = lane.info.name;
  const drawSegment = (s: Segment): void => {
    let x0 = X(pos[s.from]);
    let x1 = X(pos[s.to]);
    const toT = s.to < model.count ? model.t(s.to) : model.endTime;
    const span = `${fmtTime(model.t(s.from))} → ${fmtTime(toT)}`;
    if (s.kind === "running") {
      if (x1 - x0 < 2) {
        const mid = (x0 + x1) / 2;
        x0 = mid - 1;
        x1 = mid + 1;
      }
      node("rect", { x: r(x0), y: y + 3, width: r(x1 - x0), height: h - 6, rx: 1.5, fill: pal.running }, g);
      hits.push({ x0: x0 - 2, x1: x1 + 2, y0: y, y1: y + h, section: row.section, order: s.from, tip: [`${name} runs`, span, `line ${model.trace.line(s.from)}`] });
    } else if (s.kind === "ready") {
      if (x1 - x0 < 0.5) return;
      const bh = Math.round(h * 0.36);
      node("rect", { x: r(x0), y: r(y + (h - bh) / 2), width: r(x1 - x0), height: bh, fill: `url(#${uid}-ready)`, stroke: pal.readyStroke, "stroke-width": 1 }, g);
      const who = s.waker && s.waker !== lane.info.id ? `woken by ${model.taskName(s.waker)}` : s.waker === lane.info.id ? "yielded" : "";
      hits.push({ x0, x1, y0: y, y1: y + h, section: row.section, order: s.from, tip: [`${name} is ready (in the ready queue)`, span, ...(who ? [who] : [])] });
      const label = fit(measure, "ready", x1 - Math.max(x0, labelW) - 8);
      if (label && x1 - x0 > 40) text(g, Math.max(x0, labelW) + 4, y + h / 2 - bh / 2 - 2, label, { fill: pal.textDim, "font-size": Math.round(fontPx * 0.8) });
    } else {
      const bh = Math.round(h * 0.56);
      const top = y + (h - bh) / 2;
      if (x1 - x0 >= 0.5) node("rect", { x: r(x0), y: r(top), width: r(Math.max(1, x1 - x0)), height: bh, rx: 3, fill: pal.waitingFill, stroke: pal.waitingStroke }, g);
      let lateX = x1;
      if (s.late !== undefined && s.due !== undefined) {
        lateX = Math.max(x0, X(section.warp.ofTime(s.due)));
        node("rect", { x: r(lateX), y: r(top), width: r(Math.max(1, x1 - lateX)), height: bh, fill: `url(#${uid}-late)`, stroke: pal.late, rx: 2 }, g);
        node("line", { x1: r(lateX), x2: r(lateX), y1: y + 2, y2: y + h - 2, stroke: pal.late, "stroke-width": 2 }, g);
        const late = fit(measure, `${fmtDuration(s.late)} late`, x1 - Math.max(lateX, labelW) - 8);
        if (late) text(g, Math.max(lateX, labelW) + 4, top + bh / 2 + fontPx * 0.35, late, { fill: pal.blockedText, "font-weight": 600 });
      }
      const what = s.wait?.text ?? "?";
      const full = s.timeout ? `${what} · ${s.timeout}` : what;
      const tx = Math.max(x0, labelW) + 5;
      const avail = Math.min(lateX, right) - tx - 4;
      const label = fitFirst(measure, [...new Set([full, what, ...shorterWaits(what)])], avail);
      if (label) text(g, tx, top + bh / 2 + fontPx * 0.35, label, { fill: pal.text });
      const tip = [`${name} waits: ${what}`, span];
      if (s.timeout) tip.push(`ended by ${s.timeout} (a timeout)`);
      if (s.late !== undefined && s.due !== undefined) tip.push(`due at ${fmtTime(s.due)}, woken ${fmtDuration(s.late)} late: the loop was busy or blocked`);
      hits.push({ x0, x1, y0: top, y1: top + bh, section: row.section, order: s.from, tip });
    }
  };
  // Segments narrower than a pixel (a task stepping thousands of times in
  // one instant, drawn to scale) merge into one bar, as on the loop's lane:
  // one element for all of them, not one each.
  let dense: { x0: number; x1: number; first: number; last: number; steps: number; step: number } | null = null;
  const flushDense = () => {
    const d = dense;
    dense = null;
    if (!d) return;
    if (d.first === d.last) return drawSegment(lane.segments[d.first]);
    if (d.steps === 0) return; // only slivers of waiting and ready: too thin to show
    if (d.steps === 1) return drawSegment(lane.segments[d.step]);
    const a = Math.min(d.x0, d.x1 - 2);
    node("rect", { x: r(a), y: y + 3, width: r(Math.max(2, d.x1 - a)), height: h - 6, rx: 1.5, fill: pal.running }, g);
    const first = lane.segments[d.first];
    const last = lane.segments[d.last];
    const toT = last.to < model.count ? model.t(last.to) : model.endTime;
    const steps = `${fmtCount(d.steps)} ${d.steps === 1 ? "step" : "steps"}`;
    hits.push({ x0: a - 2, x1: Math.max(a + 2, d.x1) + 2, y0: y, y1: y + h, section: row.section, order: first.from, tip: [`${name}: ${steps} too close together to draw apart`, `${fmtTime(model.t(first.from))} → ${fmtTime(toT)}`, "zoom in to tell them apart"] });
  };
  for (let i = full ? 0 : lowerBound(lane.segments.length, ctx.W0, (j) => pos[lane.segments[j].to]); i < lane.segments.length; i++) {
    const s = lane.segments[i];
    if (pos[s.from] > W1 && !full) break;
    const x0 = X(pos[s.from]);
    const x1 = X(pos[s.to]);
    if (x1 - x0 >= 1) {
      flushDense();
      drawSegment(s);
      continue;
    }
    if (dense && x0 - dense.x1 < 1) {
      dense.x1 = Math.max(dense.x1, x1);
      dense.last = i;
    } else {
      flushDense();
      dense = { x0, x1, first: i, last: i, steps: 0, step: -1 };
    }
    if (s.kind === "running") {
      dense.steps++;
      dense.step = i;
    }
  }
  flushDense();
  for (const b of lane.blocks) {
    const x0 = X(pos[b.at]);
    const x1 = X(section.warp.ofTime(b.end));
    if (x1 < labelW || x0 > right) continue;
    node("rect", { x: r(x0), y: y + 3, width: r(Math.max(2, x1 - x0)), height: h - 6, rx: 1.5, fill: pal.blocked, "data-block": b.at }, g);
    const label = fitFirst(measure, [`${b.label} blocks the loop`, b.label, ...shorterCalls(b.label)], x1 - Math.max(x0, labelW) - 10);
    if (label) text(g, Math.max(x0, labelW) + 5, y + h / 2 + fontPx * 0.35, label, { fill: pal.textOnFill, "font-weight": 600 });
    hits.push({ x0, x1, y0: y, y1: y + h, section: row.section, order: b.at, tip: [`${name} calls ${b.label}`, `blocks the whole loop for ${fmtDuration(b.seconds)}`] });
  }
  for (let i = full ? 0 : lowerBound(lane.marks.length, ctx.W0, (j) => pos[lane.marks[j].at]); i < lane.marks.length; i++) {
    const m = lane.marks[i];
    const x = X(pos[m.at]);
    if (x > right + 200 && !full) break;
    if (m.kind === "print") {
      node("path", { d: `M${r(x - 4)} ${y + 1}h8l-4 6z`, fill: pal.text }, g);
      hits.push({ x0: x - 5, x1: x + 5, y0: y, y1: y + 9, section: row.section, order: m.at, tip: [`${name} prints`, m.text, fmtTime(model.t(m.at))] });
    } else if (m.kind === "timeout") {
      const cy = y + h / 2;
      node("path", { d: `M${r(x)} ${r(cy - 6)}l6 6l-6 6l-6 -6z`, fill: pal.cancelled, stroke: pal.bg }, g);
      hits.push({ x0: x - 7, x1: x + 7, y0: cy - 7, y1: cy + 7, section: row.section, order: m.at, tip: [`${name}: ${m.text}`, fmtTime(model.t(m.at))] });
    } else if (m.kind === "done") {
      const cy = y + h / 2;
      const rad = Math.max(5, Math.round(fontPx * 0.5));
      const color = m.outcome === "result" ? pal.done : m.outcome === "error" ? pal.error : pal.cancelled;
      // Drawn after the step that finished it, so it sits where the lane ends.
      const endSeg = lane.segments[lane.segments.length - 1];
      const xe = endSeg && endSeg.to > m.at ? Math.max(x, X(pos[endSeg.to])) : x;
      const cx = xe + rad + 1;
      node("circle", { cx: r(cx), cy: r(cy), r: rad, fill: color, stroke: pal.bg, "stroke-width": 1 }, g);
      const glyph = m.outcome === "result" ? `M${r(cx - rad * 0.5)} ${r(cy)}l${r(rad * 0.35)} ${r(rad * 0.4)}l${r(rad * 0.65)} ${r(-rad * 0.8)}` : m.outcome === "error" ? `M${r(cx - rad * 0.45)} ${r(cy - rad * 0.45)}l${r(rad * 0.9)} ${r(rad * 0.9)}M${r(cx + rad * 0.45)} ${r(cy - rad * 0.45)}l${r(-rad * 0.9)} ${r(rad * 0.9)}` : `M${r(cx - rad * 0.5)} ${r(cy)}h${r(rad)}`;
      node("path", { d: glyph, stroke: pal.textOnFill, "stroke-width": 1.8, fill: "none", "stroke-linecap": "round" }, g);
      const detail = m.outcome === "result" ? (lane.info.detail && lane.info.detail !== "None" ? `→ ${lane.info.detail}` : "done") : m.outcome === "error" ? lane.info.detail || "error" : "cancelled";
      const label = fit(measure, detail, right - (cx + rad + 4) - 4);
      if (label) text(g, cx + rad + 4, cy + fontPx * 0.35, label, { fill: m.outcome === "error" ? pal.blockedText : m.outcome === "cancelled" ? pal.cancelledText : pal.textDim });
      hits.push({ x0: cx - rad - 2, x1: cx + rad + 2 + (label ? measure(label) + 4 : 0), y0: y, y1: y + h, section: row.section, order: m.at, tip: [`${name} ${m.text}`, fmtTime(model.t(m.at))] });
    }
  }
  // Handoffs into this lane: who woke it.
  const rowIndex = scene.rowOf.get(lane);
  if (rowIndex === undefined) return;
  for (const hnd of lane.handoffs) {
    const x = X(pos[hnd.at]);
    if (x < labelW || x > right) continue;
    const fromLane = model.taskLanes.get(hnd.from);
    const fromRow = fromLane ? scene.rowOf.get(fromLane) : undefined;
    if (fromRow === undefined) continue;
    const fr = scene.rows[fromRow];
    const fy = ctx.rowY(fr) + fr.h / 2;
    const ty = y + h / 2;
    const dir = ty > fy ? 1 : -1;
    const tip = ty - dir * (h * 0.2);
    node("path", { d: `M${r(x)} ${r(fy)}V${r(tip)}`, stroke: pal.readyStroke, "stroke-width": 1.2, "stroke-dasharray": "3 2", fill: "none" }, ctx.arrows);
    node("path", { d: `M${r(x - 3.5)} ${r(tip - dir * 5)}L${r(x)} ${r(tip)}L${r(x + 3.5)} ${r(tip - dir * 5)}`, stroke: pal.readyStroke, "stroke-width": 1.4, fill: "none" }, ctx.arrows);
  }
};
