/**
 * The time axis: virtual seconds, with each instant optionally spread out.
 *
 * A `Warp` maps a point of the run to a position `w` on a line: time runs
 * linearly, and at each instant an extra length `E_i` is inserted, in which
 * the events of that instant sit in order (their fraction 0..1 of the way
 * through it). With all `E_i = 0` the axis is plain virtual time. The
 * timeline uses two warps over the same instants: one to draw (instants
 * spread so that steps at the same time are seen one after another) and
 * one to play back (each step gets a moment on screen even though no
 * virtual time passes).
 *
 * Rejected: drawing zero-length steps with a fixed minimum width on a
 * linear axis. They pile up on top of each other at the instant, and the
 * order — the very thing asyncio's ready queue is about — is lost.
 */
import type { Instant } from "./model/model.ts";
import { lastAtOrBefore } from "./model/search.ts";

export class Warp {
  /** Time of each instant, increasing. */
  readonly times: Float64Array;
  /** Extra length inserted at each instant. */
  readonly exp: Float64Array;
  /** Position where each instant starts. */
  readonly start: Float64Array;
  /** Position of `endTime` (after the last instant's extra length). */
  readonly length: number;
  readonly endTime: number;

  constructor(times: ArrayLike<number>, exp: ArrayLike<number>, endTime: number) {
    const m = times.length;
    this.times = Float64Array.from(times);
    this.exp = Float64Array.from(exp);
    this.start = new Float64Array(m);
    let extra = 0;
    for (let i = 0; i < m; i++) {
      this.start[i] = this.times[i] + extra;
      extra += this.exp[i];
    }
    this.endTime = Math.max(endTime, m ? this.times[m - 1] : 0);
    this.length = this.endTime + extra;
  }

  /** Position of the point `f` (0..1) of the way through instant `i`. */
  at(i: number, f: number): number {
    return this.start[i] + this.exp[i] * f;
  }

  /**
   * Positions of many points at once: point k is `frac[k]` of the way
   * through instant `instantOf[k]`. `extra` slots are left at the end.
   */
  positions(instantOf: Int32Array, frac: Float64Array, extra = 0): Float64Array {
    const n = instantOf.length;
    const pos = new Float64Array(n + extra);
    const { start, exp } = this;
    for (let k = 0; k < n; k++) {
      const i = instantOf[k];
      pos[k] = start[i] + exp[i] * frac[k];
    }
    return pos;
  }

  /** Position of time `t`: the start of its instant if it is one. */
  ofTime(t: number): number {
    const i = this.lastAtOrBefore(t);
    if (i < 0) return t;
    if (this.times[i] === t) return this.start[i];
    return this.start[i] + this.exp[i] + (t - this.times[i]);
  }

  /** What lies at position `w`: a time, and the instant (with fraction) if `w` falls inside one's extra length. */
  invert(w: number): { t: number; i: number; f: number } {
    const i = lastAtOrBefore(this.start, w);
    if (i < 0) return { t: w, i: -1, f: 0 };
    const into = w - this.start[i];
    if (into <= this.exp[i] && this.exp[i] > 0) return { t: this.times[i], i, f: into / this.exp[i] };
    if (into === 0) return { t: this.times[i], i, f: 0 };
    return { t: this.times[i] + (into - this.exp[i]), i: -1, f: 0 };
  }

  /** Index of the last instant with time ≤ t, or -1. */
  lastAtOrBefore(t: number): number {
    return lastAtOrBefore(this.times, t);
  }
}

/** Extra length per instant: `perSlot` per step, at most `cap` per instant. */
export function expansions(instants: readonly Instant[], perSlot: number, cap = Infinity): Float64Array {
  const exp = new Float64Array(instants.length);
  for (let i = 0; i < instants.length; i++) exp[i] = Math.min(instants[i].slots * perSlot, cap);
  return exp;
}

/**
 * How long one step gets on the drawn axis, in seconds of axis: enough to
 * see each step, while instants take at most ~40% of the axis. A run that
 * takes no virtual time at all is all instants.
 */
export function slotWidth(endTime: number, totalSlots: number): number {
  if (totalSlots === 0) return 0;
  if (endTime <= 0) return 1;
  return Math.min(endTime * 0.035, (0.6 * endTime) / totalSlots);
}

/** Above this many steps, instants are not spread by default (a long run reads better in true time). */
export const SPREAD_LIMIT = 600;

/** Nice tick spacing (1, 2 or 5 × 10^k seconds) for about `targetPx` pixels per tick. */
export function tickStep(pxPerSecond: number, targetPx = 90): number {
  if (!(pxPerSecond > 0)) return 1;
  const raw = targetPx / pxPerSecond;
  const pow = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * pow >= raw) return m * pow;
  return 10 * pow;
}

/** Tick times from `t0` to `t1` (inclusive) at `step`. */
export function ticks(t0: number, t1: number, step: number): number[] {
  const out: number[] = [];
  const first = Math.ceil(t0 / step - 1e-9);
  for (let k = first; k * step <= t1 + step * 1e-9; k++) {
    out.push(Number((k * step).toPrecision(12)));
    if (out.length > 10_000) break;
  }
  return out;
}

/** A tick label: "0 s", "0.5 s", "12 s", "2.5 ms". */
export function tickLabel(t: number, step: number): string {
  if (step < 0.001 && t !== 0) {
    const digits = Math.max(0, -Math.floor(Math.log10(step * 1000)));
    return `${(t * 1000).toFixed(digits)} ms`;
  }
  const digits = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return `${t.toFixed(digits)} s`;
}

const counts = new Intl.NumberFormat("en-US");

/**
 * A count with thousands separators: "10,001". One shared formatter:
 * `toLocaleString` builds a new one per call, which showed up at 40 ms in
 * a profile of playback (it runs several times a frame).
 */
export function fmtCount(n: number): string {
  return counts.format(n);
}

/** A time as the output panel shows it: "1.000 s". */
export function fmtTime(t: number): string {
  return `${t.toFixed(3)} s`;
}

/** A duration, short: "1 s", "0.5 s", "1.8 s", "0.001 s". */
export function fmtDuration(s: number): string {
  const r = Number(s.toFixed(3));
  return `${r} s`;
}
