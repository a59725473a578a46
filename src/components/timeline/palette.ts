/**
 * The timeline's colours, read from the site's CSS tokens (theme.css:
 * --al-color-running, --al-color-waiting, ...; Starlight's --sl-color-*)
 * and turned into plain `rgb()` strings. The SVG is drawn with these as
 * presentation attributes, so the downloaded SVG looks the same outside
 * the page; the tokens stay the single source of the palette.
 */

export interface Palette {
  readonly text: string;
  readonly textDim: string;
  /** Text drawn on a strong fill (running, blocked). */
  readonly textOnFill: string;
  readonly bg: string;
  readonly surface: string;
  readonly stripe: string;
  readonly grid: string;
  readonly running: string;
  readonly waitingFill: string;
  readonly waitingStroke: string;
  readonly readyFill: string;
  readonly readyStroke: string;
  readonly blocked: string;
  readonly blockedFill: string;
  readonly blockedText: string;
  readonly done: string;
  readonly error: string;
  readonly cancelled: string;
  readonly cancelledText: string;
  readonly executor: string;
  readonly executorFill: string;
  readonly executorText: string;
  readonly prim: string;
  readonly primFill: string;
  readonly net: string;
  readonly netFill: string;
  readonly late: string;
  readonly band: string;
  readonly playhead: string;
  readonly focus: string;
  readonly font: string;
  readonly mono: string;
}

type RGB = [number, number, number];

const TOKENS = {
  text: "--sl-color-white",
  textDim: "--sl-color-gray-2",
  bg: "--sl-color-bg",
  black: "--sl-color-black",
  surface: "--al-color-surface",
  gray5: "--sl-color-gray-5",
  gray6: "--sl-color-gray-6",
  running: "--al-color-running",
  waiting: "--al-color-waiting",
  blocked: "--al-color-blocked",
  redHigh: "--sl-color-red-high",
  done: "--al-color-done",
  cancelled: "--al-color-cancelled",
  orangeHigh: "--sl-color-orange-high",
  executor: "--al-color-executor",
  purpleHigh: "--sl-color-purple-high",
  blue: "--sl-color-blue",
  blueHigh: "--sl-color-blue-high",
  accentHigh: "--sl-color-accent-high",
} as const;

const FALLBACK: Record<keyof typeof TOKENS, RGB> = {
  text: [255, 255, 255],
  textDim: [192, 194, 199],
  bg: [23, 24, 28],
  black: [23, 24, 28],
  surface: [35, 38, 47],
  gray5: [53, 57, 69],
  gray6: [35, 38, 47],
  running: [19, 154, 174],
  waiting: [85, 89, 99],
  blocked: [240, 95, 120],
  redHigh: [251, 205, 214],
  done: [90, 230, 160],
  cancelled: [241, 160, 85],
  orangeHigh: [250, 215, 180],
  executor: [180, 120, 240],
  purpleHigh: [236, 220, 252],
  blue: [51, 136, 255],
  blueHigh: [190, 220, 255],
  accentHigh: [180, 240, 245],
};

function parse(color: string): RGB | null {
  const m = /rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(color);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

const rgb = (c: RGB) => `rgb(${c.map((v) => Math.round(v)).join(", ")})`;
const mix = (a: RGB, b: RGB, p: number): RGB => [a[0] * p + b[0] * (1 - p), a[1] * p + b[1] * (1 - p), a[2] * p + b[2] * (1 - p)];
const luminance = (c: RGB) => {
  const f = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
};

/**
 * Reads the palette where `host` sits (its theme). One probe per token, all
 * in the page at once, so the browser computes styles once rather than once
 * per token (each read after a change forces a style pass over the page).
 */
export function readPalette(host: Element): Palette {
  const box = document.createElement("span");
  box.style.display = "none";
  const keys = Object.keys(TOKENS) as (keyof typeof TOKENS)[];
  const probes = keys.map((key) => {
    const probe = document.createElement("span");
    probe.style.color = `var(${TOKENS[key]})`;
    box.append(probe);
    return probe;
  });
  host.append(box);
  const c = {} as Record<keyof typeof TOKENS, RGB>;
  keys.forEach((key, i) => {
    c[key] = parse(getComputedStyle(probes[i]).color) ?? FALLBACK[key];
  });
  const style = getComputedStyle(host);
  const font = style.fontFamily;
  const mono = getComputedStyle(document.documentElement).getPropertyValue("--__sl-font-mono").trim();
  box.remove();
  const dark = luminance(c.bg) < 0.2;
  return {
    text: rgb(c.text),
    textDim: rgb(c.textDim),
    textOnFill: rgb(dark ? c.black : c.bg),
    bg: rgb(c.bg),
    surface: rgb(c.surface),
    stripe: rgb(mix(c.gray6, c.bg, dark ? 0.35 : 0.45)),
    grid: rgb(c.gray5),
    running: rgb(c.running),
    waitingFill: rgb(mix(c.waiting, c.bg, dark ? 0.45 : 0.3)),
    waitingStroke: rgb(c.waiting),
    readyFill: rgb(mix(c.blue, c.bg, 0.22)),
    readyStroke: rgb(c.blue),
    blocked: rgb(c.blocked),
    blockedFill: rgb(mix(c.blocked, c.bg, dark ? 0.3 : 0.2)),
    blockedText: rgb(dark ? c.redHigh : mix(c.text, c.blocked, 0.6)),
    done: rgb(c.done),
    error: rgb(c.blocked),
    cancelled: rgb(c.cancelled),
    cancelledText: rgb(dark ? c.orangeHigh : mix(c.text, c.cancelled, 0.6)),
    executor: rgb(c.executor),
    executorFill: rgb(mix(c.executor, c.bg, dark ? 0.3 : 0.2)),
    executorText: rgb(dark ? c.purpleHigh : mix(c.text, c.executor, 0.6)),
    prim: rgb(c.cancelled),
    primFill: rgb(mix(c.cancelled, c.bg, dark ? 0.35 : 0.3)),
    net: rgb(c.blue),
    netFill: rgb(mix(c.blue, c.bg, dark ? 0.35 : 0.25)),
    late: rgb(c.blocked),
    band: rgb(mix(c.blue, c.bg, dark ? 0.08 : 0.07)),
    playhead: rgb(dark ? c.accentHigh : c.running),
    focus: rgb(c.accentHigh),
    font: font || "system-ui, sans-serif",
    mono: mono || "ui-monospace, monospace",
  };
}
