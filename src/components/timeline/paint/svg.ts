/**
 * Writing SVG: elements with presentation attributes (so a downloaded
 * picture needs no page CSS), text set as text (task names and wait labels
 * come from learner code), and labels that say what they can in the room
 * they have (the tooltip always has all of it).
 */
export const NS = "http://www.w3.org/2000/svg";

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

export type Attrs = Record<string, string | number>;

export function node<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs, parent?: Element | DocumentFragment): SVGElementTagNameMap[K] {
  const e = document.createElementNS(NS, tag);
  for (const k in attrs) e.setAttribute(k, String(attrs[k]));
  parent?.append(e);
  return e;
}

export function text(parent: Element, x: number, y: number, content: string, attrs: Attrs = {}): SVGTextElement {
  const t = node("text", { x: r(x), y: r(y), ...attrs }, parent);
  t.textContent = content;
  return t;
}

export const r = (v: number) => Math.round(v * 10) / 10;

/** `content` cut to `maxW` px with an ellipsis, or null if not even a few letters fit. */
export function fit(measure: Measure, content: string, maxW: number, bold = false): string | null {
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
