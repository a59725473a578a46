/**
 * The timeline's controls, as plain DOM: transport (start, previous event,
 * play/pause, next event, end, speed), the scrubber, and view options
 * (zoom, spread instants, table, pin, downloads). Buttons carry visible
 * text or an aria-label, and a title with their key.
 */
import { SPEEDS, type Speed, speedLabel } from "../../speed.ts";
import { NS } from "../paint/svg.ts";

export interface Controls {
  readonly root: HTMLElement;
  readonly start: HTMLButtonElement;
  readonly prev: HTMLButtonElement;
  readonly play: HTMLButtonElement;
  readonly next: HTMLButtonElement;
  readonly end: HTMLButtonElement;
  readonly speed: HTMLSelectElement;
  readonly scrubber: HTMLInputElement;
  readonly clock: HTMLOutputElement;
  readonly zoomOut: HTMLButtonElement;
  readonly zoomIn: HTMLButtonElement;
  readonly fit: HTMLButtonElement;
  readonly spread: HTMLInputElement;
  readonly table: HTMLButtonElement;
  readonly pin: HTMLButtonElement;
  readonly downloadTrace: HTMLButtonElement;
  readonly downloadSvg: HTMLButtonElement;
  readonly expand: HTMLButtonElement;
  setPlaying(playing: boolean): void;
}

const ICONS: Record<string, string> = {
  start: "M4 3h2v10H4zM13 3v10L6.5 8z",
  prev: "M11 3v10L4.5 8zM3 3h1.6v10H3z",
  play: "M4 2.5v11l9.5-5.5z",
  pause: "M4 3h3v10H4zM9 3h3v10H9z",
  next: "M5 3v10l6.5-5zM11.4 3H13v10h-1.6z",
  end: "M3 3v10l6.5-5zM10 3h2v10h-2z",
  expand: "M2 2h5v2H4v3H2zM9 2h5v5h-2V4H9zM2 9h2v3h3v2H2zM12 9h2v5H9v-2h3z",
};

function icon(name: string): SVGSVGElement {
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("viewBox", "0 0 16 16");
  svg.setAttribute("width", "16");
  svg.setAttribute("height", "16");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  svg.classList.add("al-tl-icon");
  const path = document.createElementNS(NS, "path");
  path.setAttribute("d", ICONS[name]);
  path.setAttribute("fill", "currentColor");
  svg.append(path);
  return svg;
}

function button(label: string, opts: { icon?: string; text?: string; title?: string; keys?: string; className?: string } = {}): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.className = `al-btn al-btn-small al-tl-btn${opts.className ? ` ${opts.className}` : ""}`;
  if (opts.icon) b.append(icon(opts.icon));
  if (opts.text) {
    const span = document.createElement("span");
    span.textContent = opts.text;
    b.append(span);
  }
  // A name that differs from the visible text starts with it (WCAG 2.5.3, label in name).
  if (!opts.text || opts.text !== label) b.setAttribute("aria-label", label);
  b.title = opts.title ?? label;
  if (opts.keys) b.setAttribute("aria-keyshortcuts", opts.keys);
  return b;
}

function group(label: string, className: string, ...children: Node[]): HTMLElement {
  const g = document.createElement("div");
  g.className = className;
  g.setAttribute("role", "group");
  g.setAttribute("aria-label", label);
  g.append(...children);
  return g;
}

export function createControls(id: string, initialSpeed: Speed): Controls {
  const start = button("Back to the start", { icon: "start", title: "Back to the start (Home)", keys: "Home" });
  const prev = button("Previous event", { icon: "prev", title: "Previous event (←)", keys: "ArrowLeft" });
  const play = button("Play", { icon: "play", text: "Play", title: "Play / pause (Space or K)", keys: "Space", className: "al-tl-play" });
  const next = button("Next event", { icon: "next", title: "Next event (→)", keys: "ArrowRight" });
  const end = button("Skip to the end", { icon: "end", title: "Skip to the end: show all output (End)", keys: "End" });

  const speedLabelEl = document.createElement("label");
  speedLabelEl.className = "al-tl-speed";
  const speedText = document.createElement("span");
  speedText.textContent = "Speed";
  const speed = document.createElement("select");
  for (const s of [...SPEEDS, "instant" as const]) {
    const o = document.createElement("option");
    o.value = String(s);
    o.textContent = speedLabel(s);
    speed.append(o);
  }
  speed.value = String(initialSpeed);
  speedLabelEl.append(speedText, speed);

  const scrubber = document.createElement("input");
  scrubber.type = "range";
  scrubber.className = "al-tl-scrubber";
  scrubber.min = "0";
  scrubber.step = "any";
  scrubber.setAttribute("aria-label", "Playhead position");
  scrubber.id = `${id}-scrub`;

  const clock = document.createElement("output");
  clock.className = "al-tl-clock";
  clock.htmlFor.add(scrubber.id);

  const transport = group("Playback", "al-tl-transport", start, prev, play, next, end, speedLabelEl);

  const zoomOut = button("Zoom out", { text: "−", title: "Zoom out (−)", keys: "-" });
  const zoomIn = button("Zoom in", { text: "+", title: "Zoom in (+)", keys: "+" });
  const fit = button("Fit the whole run", { text: "Fit", title: "Fit the whole run (0)", keys: "0" });
  const spreadLabel = document.createElement("label");
  spreadLabel.className = "al-tl-check";
  spreadLabel.title = "Steps that happen at the same virtual time are drawn one after another, so their order shows";
  const spread = document.createElement("input");
  spread.type = "checkbox";
  const spreadText = document.createElement("span");
  spreadText.textContent = "Spread instants";
  spreadLabel.append(spread, spreadText);
  const table = button("Table", { text: "Table", title: "Show the events as a table" });
  table.setAttribute("aria-pressed", "false");
  const pin = button("Pin run: keep this run to compare it with the next one", { text: "Pin run", title: "Keep this run, to compare it with the next one" });
  const downloadTrace = button("Trace JSON: download the trace for Perfetto (Trace Event Format)", { text: "Trace JSON", title: "Download the trace (Trace Event Format: open it in ui.perfetto.dev or chrome://tracing)" });
  const downloadSvg = button("Download the timeline as SVG", { text: "SVG", title: "Download the timeline as an SVG picture" });

  const expand = button("Full screen", { icon: "expand", text: "Full screen", title: "Give the timeline the whole window (Esc to leave)" });

  const view = group("View", "al-tl-view", zoomOut, zoomIn, fit, spreadLabel, table, pin, expand, downloadTrace, downloadSvg);

  const scrubRow = document.createElement("div");
  scrubRow.className = "al-tl-scrub";
  scrubRow.append(scrubber, clock);

  const root = document.createElement("div");
  root.className = "al-tl-controls";
  root.append(transport, scrubRow, view);

  const playText = play.querySelector("span") as HTMLSpanElement;
  return {
    root,
    start,
    prev,
    play,
    next,
    end,
    speed,
    scrubber,
    clock,
    zoomOut,
    zoomIn,
    fit,
    spread,
    table,
    pin,
    downloadTrace,
    downloadSvg,
    expand,
    setPlaying(playing) {
      play.replaceChildren(icon(playing ? "pause" : "play"), playText);
      playText.textContent = playing ? "Pause" : "Play";
    },
  };
}
