/**
 * Instants. Virtual time does not move while a task runs, so many events
 * share one time. An instant is a run of events with equal time; each step
 * that begins in it gets one *slot*, and every event gets a fraction (0..1)
 * of the way through its instant. The scale can then spread an instant out
 * so its steps are seen one after the other (scale.ts).
 */
import { CODE } from "../../../runtime/trace-api.ts";

/** A run of events at one time. */
export interface Instant {
  /** Its time on the axis. */
  readonly t: number;
  /** Steps that begin here. */
  readonly slots: number;
  readonly first: number;
  readonly last: number;
}

/**
 * Groups events into instants and places each inside its instant: a step
 * that begins here takes one slot; events inside the step are spread over
 * the slot; events between steps sit on a slot boundary. `time` is each
 * event's time on the axis (non-decreasing), `kind` its code.
 */
export function layoutInstants(time: Float64Array, kind: Uint8Array): { instants: Instant[]; instantOf: Int32Array; frac: Float64Array; totalSlots: number } {
  const n = time.length;
  const instantOf = new Int32Array(n);
  const frac = new Float64Array(n);
  const instants: Instant[] = [];
  const pos = new Float64Array(n);
  const BEGIN = CODE["step.begin"];
  const END = CODE["step.end"];
  /** Spreads the events from `from` to before `to` (inside one step) over slot `slot`. */
  const spreadInner = (from: number, to: number, slot: number) => {
    const m = to - from;
    for (let j = 0; j < m; j++) pos[from + j] = slot + (j + 1) / (m + 1);
  };
  let totalSlots = 0;
  let k = 0;
  while (k < n) {
    const t = time[k];
    const first = k;
    let slots = 0;
    let inStep = false;
    let innerStart = -1;
    while (k < n && time[k] === t) {
      const code = kind[k];
      if (code === BEGIN) {
        if (inStep) spreadInner(innerStart, k, slots - 1);
        pos[k] = slots;
        slots++;
        inStep = true;
        innerStart = k + 1;
      } else if (code === END && inStep) {
        spreadInner(innerStart, k, slots - 1);
        pos[k] = slots;
        inStep = false;
      } else if (!inStep) {
        pos[k] = slots;
      }
      k++;
    }
    if (inStep) spreadInner(innerStart, k, slots - 1);
    const index = instants.length;
    instants.push({ t, slots, first, last: k - 1 });
    totalSlots += slots;
    for (let i = first; i < k; i++) {
      instantOf[i] = index;
      frac[i] = slots > 0 ? pos[i] / slots : 0;
    }
  }
  return { instants, instantOf, frac, totalSlots };
}
