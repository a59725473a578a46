/**
 * Draws a scene into an SVG: the part in view (lanes outside it are not
 * drawn; changes closer than a pixel are merged), or all of it for the
 * download. Every label is a text node set with `textContent`-equivalent
 * DOM calls: task names and wait labels come from learner code.
 *
 * Returns hit boxes (what is under the pointer, and which event a click
 * on it shows), so pointer handling needs no listener per element.
 */
import { primText, primTexts } from "./describe.ts";
import type { Lane, Segment, SeriesPoint, TaskLane, TimelineModel } from "./model.ts";
import { firstRowAt, lowerBound, type Row, type Scene, type Section } from "./layout.ts";
import type { Palette } from "./palette.ts";
import { fmtCount, fmtDuration, fmtTime, tickLabel, ticks, tickStep } from "./scale.ts";

const NS = "http://www.w3.org/2000/svg";

export interface Viewport {
  /** Scroll offsets of the drawing, px. */
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export interface HitBox {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly section: number;
  /** Event a click shows (-1: none). */
  readonly order: number;
  readonly tip: readonly string[];
}

export type Measure = (text: string, bold?: boolean) => number;

/** Text widths for a font (canvas measureText, cached). */
export function makeMeasure(fontPx: number, family: string): Measure {
  const ctx = document.createElement("canvas").getContext("2d");
  const cache = new Map<string, number>();
  const fonts = [`${fontPx}px ${family}`, `600 ${fontPx}px ${family}`];
  // Setting a canvas font parses it: only when it changes.
  let current = -1;
  return (text, bold = false) => {
    const key = `${bold ? 1 : 0}${text}`;
    let w = cache.get(key);
    if (w === undefined) {
      if (ctx) {
        const font = bold ? 1 : 0;
        if (font !== current) {
          ctx.font = fonts[font];
          current = font;
        }
        w = ctx.measureText(text).width;
      } else w = text.length * fontPx * 0.6;
      if (cache.size > 5000) cache.clear();
      cache.set(key, w);
    }
    return w;
  };
}

type Attrs = Record<string, string | number>;

function node<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs, parent?: Element | DocumentFragment): SVGElementTagNameMap[K] {
  const e = document.createElementNS(NS, tag);
  for (const k in attrs) e.setAttribute(k, String(attrs[k]));
  parent?.append(e);
  return e;
}

function text(parent: Element, x: number, y: number, content: string, attrs: Attrs = {}): SVGTextElement {
  const t = node("text", { x: r(x), y: r(y), ...attrs }, parent);
  t.textContent = content;
  return t;
}

const r = (v: number) => Math.round(v * 10) / 10;

/** `content` cut to `maxW` px with an ellipsis, or null if not even a few letters fit. */
function fit(measure: Measure, content: string, maxW: number, bold = false): string | null {
  if (maxW <= 0) return null;
  if (measure(content, bold) <= maxW) return content;
  let lo = 0;
  let hi = content.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (measure(`${content.slice(0, mid)}…`, bold) <= maxW) lo = mid;
    else hi = mid - 1;
  }
  return lo >= 3 ? `${content.slice(0, lo)}…` : null;
}

/**
 * The first of `candidates` (longest first: what to say with room, then
 * what matters most) that fits whole; else the last one cut with an
 * ellipsis. A label says what it can in the space it has; the tooltip
 * always has all of it.
 */
export function fitFirst(measure: Measure, candidates: readonly string[], maxW: number, bold = false): string | null {
  if (maxW <= 0 || candidates.length === 0) return null;
  for (const c of candidates) if (measure(c, bold) <= maxW) return c;
  return fit(measure, candidates[candidates.length - 1], maxW, bold);
}

/**
 * Shorter ways to say what a task waits on: "GET httpbin.org/delay/3" →
 * "GET /delay/3" → "/delay/3" → "…/3"; "thread: requests.get()" →
 * "requests.get()" → "get()"; "gather (3 awaitables)" → "gather".
 */
export function shorterWaits(what: string): string[] {
  const out: string[] = [];
  const http = /^([A-Z]+) ([^/\s]+)(\/\S*)?$/.exec(what);
  if (http) {
    const path = http[3] ?? "/";
    out.push(`${http[1]} ${path}`, path);
    const last = /\/([^/]+)\/?$/.exec(path);
    if (last && last.index > 0) out.push(`…/${last[1]}`);
  }
  const thread = /^thread: (.+)$/.exec(what);
  if (thread) out.push(thread[1], ...shorterCalls(thread[1]));
  const paren = /^(\w[\w.]*) \(.+\)$/.exec(what);
  if (paren) out.push(paren[1]);
  return out;
}

/** "requests.get()" → "get()"; "time.sleep(2)" → "sleep(2)". */
export function shorterCalls(call: string): string[] {
  const m = /^[\w.]+\.(\w+\(.*\))$/.exec(call);
  return m ? [m[1]] : [];
}

export interface RenderOptions {
  readonly measure: Measure;
  /** Draw everything (for the download): no culling by view. */
  readonly full?: boolean;
}

/** Redraws `svg` for the viewport. Keeps (re-appends) the playhead layer. Returns hit boxes. */
export function render(svg: SVGSVGElement, scene: Scene, vp: Viewport, pal: Palette, opts: RenderOptions): HitBox[] {
  const { measure } = opts;
  const hits: HitBox[] = [];
  const { labelW, axisH, pxPerW, fontPx } = scene;
  const X = (w: number) => labelW + w * pxPerW - vp.left;
  const W0 = (vp.left - 40) / pxPerW;
  const W1 = (vp.left + vp.width - labelW + 40) / pxPerW;
  const right = vp.width;

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
  const clip = node("clipPath", { id: `${uid}-lanes` }, defs);
  node("rect", { x: labelW, y: axisH, width: Math.max(0, right - labelW), height: Math.max(0, vp.height - axisH) }, clip);

  node("rect", { x: 0, y: 0, width: vp.width, height: vp.height, fill: pal.bg }, out);
  const lanes = node("g", { "clip-path": `url(#${uid}-lanes)` }, out);
  const bands = node("g", { "data-layer": "bands" }, lanes);
  const grid = node("g", { "data-layer": "grid", stroke: pal.grid, "stroke-width": 1 }, lanes);
  const content = node("g", { "data-layer": "rows" }, lanes);
  const arrows = node("g", { "data-layer": "handoffs" }, lanes);

  // Rows in view.
  const y0 = vp.top;
  const y1 = vp.top + vp.height - axisH;
  const first = opts.full ? 0 : firstRowAt(scene.rows, y0);
  let last = first;
  while (last < scene.rows.length && scene.rows[last].y < y1) last++;
  const rowY = (row: Row) => axisH + row.y - vp.top;

  for (let i = first; i < last; i++) {
    const row = scene.rows[i];
    const y = rowY(row);
    const section = scene.sections[row.section];
    if (row.lane === null) {
      drawHeader(content, section, row, y);
      continue;
    }
    if (i % 2 === 1) node("rect", { x: labelW, y, width: right - labelW, height: row.h, fill: pal.stripe }, content);
    const g = node("g", { "data-lane": row.lane.key, opacity: section.pinned ? 0.85 : 1 }, content);
    drawLane(g, row.lane, section, row, y);
  }

  // Spread instants: bands that say "no time passes here".
  const axisSection = scene.sections[scene.sections.length - 1];
  if (scene.spread) {
    for (const section of scene.sections) {
      const { warp, model } = section;
      const from = Math.max(0, warp.lastAtOrBefore(warp.invert(W0).t));
      const si = scene.sections.indexOf(section);
      const top = scene.sections.length > 1 ? Math.max(axisH, rowY(scene.rows[scene.sectionRows[si].first])) : axisH;
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
          section: scene.sections.indexOf(section),
          order: -1,
          tip: [`${inst.slots} ${inst.slots === 1 ? "step" : "steps"} at ${fmtTime(inst.t)}`, "No virtual time passes here: the instant is spread out so the order of its steps shows."],
        });
      }
    }
  }

  // Axis, with grid lines through the lanes.
  const axis = node("g", { "data-layer": "axis" }, out);
  node("rect", { x: 0, y: 0, width: vp.width, height: axisH, fill: pal.surface }, axis);
  node("line", { x1: 0, x2: vp.width, y1: axisH - 0.5, y2: axisH - 0.5, stroke: pal.grid }, axis);
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
    const top = scene.sections.length > 1 && fr >= 0 ? Math.max(axisH, rowY(scene.rows[fr])) : axisH;
    const bottom = lr >= 0 ? Math.min(vp.height, rowY(scene.rows[lr]) + scene.rows[lr].h) : vp.height;
    node("line", { x1: r(x), x2: r(x), y1: top, y2: bottom, stroke: pal.text, "stroke-opacity": 0.55, "stroke-dasharray": "4 3" }, arrows);
    if (si === scene.sections.length - 1) {
      node("line", { x1: r(x), x2: r(x), y1: 2, y2: axisH, stroke: pal.text }, axis);
      // Clear of the playhead's handle (12 px wide), which sits at the end of
      // the axis when playback is over: after the last instant's steps.
      text(axis, Math.max(x, X(s.warp.length)) + 9, fontPx * 1.15, `end ${fmtTime(s.model.endTime)}`, { fill: pal.text, "font-weight": 600 });
    }
  });

  // Label column.
  const labels = node("g", { "data-layer": "labels" }, out);
  node("rect", { x: 0, y: 0, width: labelW, height: vp.height, fill: pal.surface }, labels);
  node("line", { x1: labelW - 0.5, x2: labelW - 0.5, y1: 0, y2: vp.height, stroke: pal.grid }, labels);
  text(labels, 8, fontPx * 1.15, "lane", { fill: pal.textDim });
  text(labels, 8, axisH - fontPx * 0.35, "time →", { fill: pal.textDim, "font-size": Math.round(fontPx * 0.85) });
  for (let i = first; i < last; i++) {
    const row = scene.rows[i];
    const y = rowY(row);
    if (y + row.h < axisH) continue;
    if (row.lane === null) continue;
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
    const y = rowY(row);
    const s = scene.sections[row.section];
    node("rect", { x: 0, y, width: labelW, height: row.h, fill: pal.surface }, labels);
    text(labels, 8, y + row.h / 2 + fontPx * 0.35, fit(measure, s.title ?? "", labelW - 12, true) ?? "", { fill: pal.text, "font-weight": 700 });
  }
  // Axis corner over the label column.
  node("rect", { x: 0, y: 0, width: labelW, height: axisH, fill: pal.surface }, labels);
  node("line", { x1: 0, x2: labelW, y1: axisH - 0.5, y2: axisH - 0.5, stroke: pal.grid }, labels);
  text(labels, 8, fontPx * 1.15, "virtual time", { fill: pal.textDim });
  if (scene.spread) text(labels, 8, axisH - fontPx * 0.35, "▥ = one instant", { fill: pal.textDim, "font-size": Math.round(fontPx * 0.85) });

  out.append(playhead);
  svg.replaceChildren(out);
  return hits;

  // ---- per-row drawing ---------------------------------------------------

  function drawHeader(g: SVGGElement, section: Section, row: Row, y: number): void {
    node("rect", { x: labelW, y, width: right - labelW, height: row.h, fill: pal.surface }, g);
    const x0 = X(0);
    const x1 = X(section.warp.ofTime(section.model.endTime));
    const h = row.h * 0.44;
    node("rect", { x: r(x0), y: r(y + (row.h - h) / 2), width: r(Math.max(2, x1 - x0)), height: r(h), rx: 3, fill: section.pinned ? pal.textDim : pal.running, "fill-opacity": 0.85 }, g);
    const label = `${fmtTime(section.model.endTime)} of loop time`;
    text(g, Math.max(x1, labelW) + 6, y + row.h / 2 + fontPx * 0.35, label, { fill: pal.text, "font-weight": 600 });
  }

  function drawLane(g: SVGGElement, lane: Lane, section: Section, row: Row, y: number): void {
    node("line", { x1: labelW, x2: right, y1: r(y + row.h - 0.5), y2: r(y + row.h - 0.5), stroke: pal.grid, "stroke-opacity": 0.5 }, g);
    switch (lane.kind) {
      case "task":
        return drawTask(g, lane, section, row, y);
      case "loop":
        return drawLoop(g, section, row, y);
      case "thread":
        return drawThread(g, lane, section, row, y);
      case "prim":
        return drawSeries(g, lane.points, section, row, y, {
          max: Math.max(1, lane.maxWaiters),
          key: "waiters",
          fill: pal.primFill,
          stroke: pal.prim,
          label: (p) => primTexts(lane.primKind, p.value, p.waiters),
          tip: (p) => [`${lane.label}`, primText(lane.primKind, p.value, p.waiters)],
          line: { max: Math.max(1, lane.maxValue), stroke: pal.text },
        });
      case "host":
        drawSeries(g, lane.points, section, row, y, {
          max: Math.max(1, lane.maxInFlight),
          key: "value",
          fill: pal.netFill,
          stroke: pal.net,
          label: (p) => [`${p.value} in flight`, `${p.value}`],
          tip: (p) => [`${lane.host}`, `${p.value} ${p.value === 1 ? "request" : "requests"} in flight`],
        });
        return drawResponses(g, lane, section, row, y);
    }
  }

  /** First item whose end is at or after the view's left edge (all of them for the download). */
  function segmentRange<T>(items: readonly T[], endOf: (t: T) => number, pos: Float64Array): number {
    return opts.full ? 0 : lowerBound(items, W0, (item) => pos[endOf(item)]);
  }

  function drawTask(g: SVGGElement, lane: TaskLane, section: Section, row: Row, y: number): void {
    const { pos, model } = section;
    const h = row.h;
    const name = lane.info.name;
    const drawSegment = (s: Segment): void => {
      let x0 = X(pos[s.from]);
      let x1 = X(pos[s.to]);
      const from = model.events[s.from];
      const toT = s.to < model.events.length ? model.events[s.to].t : model.endTime;
      const span = `${fmtTime(from.t)} → ${fmtTime(toT)}`;
      if (s.kind === "running") {
        if (x1 - x0 < 2) {
          const mid = (x0 + x1) / 2;
          x0 = mid - 1;
          x1 = mid + 1;
        }
        node("rect", { x: r(x0), y: y + 3, width: r(x1 - x0), height: h - 6, rx: 1.5, fill: pal.running }, g);
        hits.push({ x0: x0 - 2, x1: x1 + 2, y0: y, y1: y + h, section: row.section, order: s.from, tip: [`${name} runs`, span, `line ${from.line}`] });
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
      const toT = last.to < model.events.length ? model.events[last.to].t : model.endTime;
      const steps = `${fmtCount(d.steps)} ${d.steps === 1 ? "step" : "steps"}`;
      hits.push({ x0: a - 2, x1: Math.max(a + 2, d.x1) + 2, y0: y, y1: y + h, section: row.section, order: first.from, tip: [`${name}: ${steps} too close together to draw apart`, `${fmtTime(model.events[first.from].t)} → ${fmtTime(toT)}`, "zoom in to tell them apart"] });
    };
    for (let i = segmentRange(lane.segments, (s) => s.to, pos); i < lane.segments.length; i++) {
      const s = lane.segments[i];
      if (pos[s.from] > W1 && !opts.full) break;
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
      const x1 = X(section.warp.ofTime(b.t + b.seconds));
      if (x1 < labelW || x0 > right) continue;
      node("rect", { x: r(x0), y: y + 3, width: r(Math.max(2, x1 - x0)), height: h - 6, rx: 1.5, fill: pal.blocked }, g);
      const label = fitFirst(measure, [`${b.label} blocks the loop`, b.label, ...shorterCalls(b.label)], x1 - Math.max(x0, labelW) - 10);
      if (label) text(g, Math.max(x0, labelW) + 5, y + h / 2 + fontPx * 0.35, label, { fill: pal.textOnFill, "font-weight": 600 });
      hits.push({ x0, x1, y0: y, y1: y + h, section: row.section, order: b.at, tip: [`${name} calls ${b.label}`, `blocks the whole loop for ${fmtDuration(b.seconds)}`] });
    }
    for (let i = segmentRange(lane.marks, (m) => m.at, pos); i < lane.marks.length; i++) {
      const m = lane.marks[i];
      const x = X(pos[m.at]);
      if (x > right + 200 && !opts.full) break;
      if (m.kind === "print") {
        node("path", { d: `M${r(x - 4)} ${y + 1}h8l-4 6z`, fill: pal.text }, g);
        hits.push({ x0: x - 5, x1: x + 5, y0: y, y1: y + 9, section: row.section, order: m.at, tip: [`${name} prints`, m.text, fmtTime(model.events[m.at].t)] });
      } else if (m.kind === "timeout") {
        const cy = y + h / 2;
        node("path", { d: `M${r(x)} ${r(cy - 6)}l6 6l-6 6l-6 -6z`, fill: pal.cancelled, stroke: pal.bg }, g);
        hits.push({ x0: x - 7, x1: x + 7, y0: cy - 7, y1: cy + 7, section: row.section, order: m.at, tip: [`${name}: ${m.text}`, fmtTime(model.events[m.at].t)] });
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
        hits.push({ x0: cx - rad - 2, x1: cx + rad + 2 + (label ? measure(label) + 4 : 0), y0: y, y1: y + h, section: row.section, order: m.at, tip: [`${name} ${m.text}`, fmtTime(model.events[m.at].t)] });
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
      const fy = rowY(fr) + fr.h / 2;
      const ty = y + h / 2;
      const dir = ty > fy ? 1 : -1;
      const tip = ty - dir * (h * 0.2);
      node("path", { d: `M${r(x)} ${r(fy)}V${r(tip)}`, stroke: pal.readyStroke, "stroke-width": 1.2, "stroke-dasharray": "3 2", fill: "none" }, arrows);
      node("path", { d: `M${r(x - 3.5)} ${r(tip - dir * 5)}L${r(x)} ${r(tip)}L${r(x + 3.5)} ${r(tip - dir * 5)}`, stroke: pal.readyStroke, "stroke-width": 1.4, fill: "none" }, arrows);
    }
  }

  function drawLoop(g: SVGGElement, section: Section, row: Row, y: number): void {
    const { pos, model } = section;
    const loop = model.loop;
    const h = row.h;
    const bh = Math.round(h * 0.4);
    const top = y + (h - bh) / 2;
    // Busy: a task is running. Steps closer than a pixel merge into one bar.
    const steps = loop.steps;
    let lo = 0;
    let hi = steps.length / 2;
    while (lo < hi && !opts.full) {
      const mid = (lo + hi) >> 1;
      if (pos[steps[mid * 2 + 1]] < W0) lo = mid + 1;
      else hi = mid;
    }
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
      if (a > right + 40 && !opts.full) break;
      if (!Number.isNaN(curX1) && a - curX1 < 1) curX1 = Math.max(curX1, b);
      else {
        flush();
        idle(prevEnd, a);
        curX0 = a;
        curX1 = b;
      }
      prevEnd = curX1;
      if (model.loop.blocks.length === 0 && i - lo < 400) {
        hits.push({ x0: a - 1, x1: Math.max(b, a + 2) + 1, y0: y, y1: y + h, section: row.section, order: steps[i * 2], tip: [`the loop runs ${model.taskName(loop.stepTasks[i])}`, fmtTime(model.events[steps[i * 2]].t)] });
      }
    }
    flush();
    const endX = X(section.warp.ofTime(model.endTime));
    if (!Number.isNaN(curX1)) idle(curX1, endX);
    if (d) node("path", { d, fill: pal.running }, g);
    for (const b of loop.blocks) {
      const x0 = X(pos[b.at]);
      const x1 = X(section.warp.ofTime(b.t + b.seconds));
      if (x1 < labelW || x0 > right) continue;
      const bh2 = Math.round(h * 0.7);
      const t2 = y + (h - bh2) / 2;
      node("rect", { x: r(x0), y: r(t2), width: r(Math.max(2, x1 - x0)), height: bh2, rx: 2, fill: pal.blockedFill, stroke: pal.blocked }, g);
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
  }

  function drawThread(g: SVGGElement, lane: Extract<Lane, { kind: "thread" }>, section: Section, row: Row, y: number): void {
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
        tip: [`thread ${lane.worker} runs ${j.label}`, `${fmtTime(model.events[j.from].t)} → ${fmtTime(model.events[j.to]?.t ?? model.endTime)}`, j.ok ? "the loop stays free meanwhile" : "it raised"],
      });
    }
  }

  function drawSeries(
    g: SVGGElement,
    points: readonly SeriesPoint[],
    section: Section,
    row: Row,
    y: number,
    o: {
      max: number;
      key: "value" | "waiters";
      fill: string;
      stroke: string;
      /** Longest first (see fitFirst). */
      label: (p: SeriesPoint) => readonly string[];
      tip: (p: SeriesPoint) => string[];
      /** Also draw `value` as a step line on its own scale (a primitive: the area is its waiters, the line its permits or items). */
      line?: { max: number; stroke: string };
    },
  ): void {
    const { pos, model } = section;
    if (points.length === 0) return;
    const h = row.h;
    const base = y + h - 3;
    const scale = (h - 8) / o.max;
    const lineY = (v: number) => base - (o.line ? v * ((h - 8) / o.line.max) : 0);
    let i = 0;
    if (!opts.full) {
      let lo = 0;
      let hi = points.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (pos[points[mid].at] < W0) lo = mid + 1;
        else hi = mid;
      }
      i = Math.max(0, lo - 1);
    }
    const endX = X(section.warp.ofTime(model.endTime));
    let d = "";
    let colX = Number.NaN;
    let colV = 0;
    let lineD = "";
    let lineV = 0;
    let started = false;
    for (; i < points.length; i++) {
      const p = points[i];
      const x = X(pos[p.at]);
      const next = i + 1 < points.length ? X(pos[points[i + 1].at]) : endX;
      const v = p[o.key];
      if (!started) {
        d = `M${r(x)} ${r(base)}`;
        lineD = `M${r(x)} ${r(lineY(p.value))}`;
        started = true;
        colX = x;
        colV = v;
        lineV = p.value;
      } else if (x - colX < 1) {
        colV = Math.max(colV, v);
        lineV = p.value;
      } else {
        d += `V${r(base - colV * scale)}H${r(x)}`;
        lineD += `V${r(lineY(lineV))}H${r(x)}`;
        colX = x;
        colV = v;
        lineV = p.value;
      }
      if (next - x > 6) {
        const label = o.label(p);
        const tx = Math.max(x, labelW) + 4;
        const fitted = fitFirst(measure, label, Math.min(next, right) - tx - 4);
        if (fitted) text(g, tx, y + fontPx * 1.1, fitted, { fill: pal.text });
        hits.push({ x0: x, x1: next, y0: y, y1: y + h, section: row.section, order: p.at, tip: [...o.tip(p), `from ${fmtTime(model.events[p.at].t)}`] });
      }
      if (x > right + 40 && !opts.full) break;
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

  function drawResponses(g: SVGGElement, lane: Extract<Lane, { kind: "host" }>, section: Section, row: Row, y: number): void {
    const { pos, model } = section;
    const n = model.events.length;
    let lastX = -Infinity;
    for (const req of lane.requests) {
      if (req.to >= n) continue;
      const x = X(pos[req.to]);
      if (x < labelW || x > right) continue;
      const ok = /^[23]\d\d/.test(req.outcome);
      const color = ok ? pal.done : /cancel|timeout/i.test(req.outcome) ? pal.cancelled : pal.error;
      if (x - lastX >= 1) node("rect", { x: r(x - 1), y: y + row.h - 8, width: 2, height: 6, fill: color }, g);
      lastX = x;
      hits.push({ x0: x - 3, x1: x + 3, y0: y + row.h - 10, y1: y + row.h, section: row.section, order: req.to, tip: [`${req.method} ${req.url}`, `→ ${req.outcome} at ${fmtTime(model.events[req.to].t)}`, `sent at ${fmtTime(model.events[req.from].t)} by ${req.task ? model.taskName(req.task) : "a worker thread"}`] });
    }
  }
}

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

/** The playhead: a line through the current run's lanes, its lane marked, the current event ringed. */
export function drawPlayhead(g: SVGGElement, scene: Scene, vp: Viewport, pal: Palette, at: { w: number; order: number; section: number }): void {
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
  const e = section.model.events[at.order];
  if (e) {
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
