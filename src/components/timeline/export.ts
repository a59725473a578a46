/**
 * Downloads: the trace as Trace Event Format JSON (Perfetto and
 * chrome://tracing open it) and the timeline as a standalone SVG.
 */
import { toTraceEventFormat, type Trace } from "../../runtime/trace-api.ts";
import { firstRows, type Scene } from "./layout.ts";
import { render } from "./paint/render.ts";
import { makeMeasure, NS } from "./paint/svg.ts";
import type { Palette } from "./palette.ts";
import { fmtCount, fmtTime } from "./scale.ts";

/** Lanes a downloaded picture holds at most. */
const MAX_ROWS = 2000;

/** The whole timeline as a standalone SVG document (lanes capped for very long runs; the title says so). */
export function timelineSvg(scene: Scene, pal: Palette, fontPx: number): string {
  const cut = firstRows(scene, MAX_ROWS);
  const svg = document.createElementNS(NS, "svg");
  svg.dataset.uid = "export";
  const width = Math.min(scene.width, 32_000);
  render(svg, cut, { left: 0, top: 0, width, height: cut.height }, pal, { measure: makeMeasure(fontPx, pal.font), full: width === scene.width });
  const m = scene.sections[scene.sections.length - 1].model;
  const lanes = cut === scene ? "" : ` (its first ${fmtCount(cut.rows.length)} lanes)`;
  return standaloneSvg(svg, `Async Lab timeline: ${fmtCount(m.taskLanes.size)} tasks, ${fmtTime(m.endTime)} of loop time${lanes}`);
}

/** The trace as Trace Event Format JSON text. */
export function traceEventJson(trace: Trace): string {
  return JSON.stringify(toTraceEventFormat(trace));
}

/** A standalone SVG document from a drawn <svg> (presentation attributes only, so no page CSS is needed). */
export function standaloneSvg(svg: SVGSVGElement, title: string): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute("xmlns", NS);
  copy.removeAttribute("class");
  copy.removeAttribute("style");
  copy.removeAttribute("aria-hidden");
  copy.setAttribute("role", "img");
  const t = document.createElementNS(NS, "title");
  t.textContent = title;
  copy.prepend(t);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
}

/** Saves `text` as a file. */
export function download(text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
