/**
 * The learner's progress, kept in this browser only: which exercises are
 * solved, how many hints were opened, and the predictions made. One JSON
 * record in local storage; a record that cannot be read is set aside (kept
 * under another key, never thrown away) with a message, and a fresh one
 * begins — never a broken page.
 */

const KEY = "async-lab:progress";
const ASIDE = "async-lab:progress:unreadable";

export interface Prediction {
  /** Choice: the option picked. */
  readonly choice?: number;
  /** Order: the lines in the order predicted, and the time picked for each (if asked). */
  readonly order?: readonly string[];
  readonly times?: readonly (number | null)[];
  /** True if the learner skipped predicting. */
  readonly skipped?: boolean;
}

export interface Progress {
  readonly version: 1;
  /** Exercise id → when it was first solved (ms since epoch). */
  readonly solved: Readonly<Record<string, number>>;
  /** Exercise id → hints opened. */
  readonly hints: Readonly<Record<string, number>>;
  /** Exercise id → the prediction locked in. */
  readonly predictions: Readonly<Record<string, Prediction>>;
}

export type Loaded = { readonly kind: "ok"; readonly progress: Progress; readonly notice: string | null };

const EMPTY: Progress = { version: 1, solved: {}, hints: {}, predictions: {} };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A stored record, checked field by field; null if it is not one. */
export function parseProgress(raw: string): Progress | null {
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isRecord(v) || v.version !== 1 || !isRecord(v.solved) || !isRecord(v.hints) || !isRecord(v.predictions)) return null;
  const solved: Record<string, number> = {};
  for (const [k, t] of Object.entries(v.solved)) if (typeof t === "number" && Number.isFinite(t)) solved[k] = t;
  const hints: Record<string, number> = {};
  for (const [k, n] of Object.entries(v.hints)) if (typeof n === "number" && Number.isInteger(n) && n >= 0 && n < 100) hints[k] = n;
  const predictions: Record<string, Prediction> = {};
  for (const [k, p] of Object.entries(v.predictions)) {
    if (!isRecord(p)) continue;
    const choice = typeof p.choice === "number" && Number.isInteger(p.choice) ? p.choice : undefined;
    const order = Array.isArray(p.order) && p.order.every((x) => typeof x === "string") ? (p.order as string[]) : undefined;
    const times = Array.isArray(p.times) && p.times.every((x) => x === null || typeof x === "number") ? (p.times as (number | null)[]) : undefined;
    predictions[k] = { choice, order, times, skipped: p.skipped === true ? true : undefined };
  }
  return { version: 1, solved, hints, predictions };
}

/** Said once a record was set aside, to every reader on this page (the first reader sets it aside). */
let setAside: string | null = null;

/** Reads the record; an unreadable one is set aside with a message, and an empty one begins. */
export function loadProgress(): Loaded {
  let raw: string | null;
  try {
    raw = localStorage.getItem(KEY);
  } catch {
    return { kind: "ok", progress: EMPTY, notice: "This browser does not let the page keep your progress (storage is off), so solved exercises are not remembered." };
  }
  if (raw === null) return { kind: "ok", progress: EMPTY, notice: setAside };
  const parsed = parseProgress(raw);
  if (parsed) return { kind: "ok", progress: parsed, notice: setAside };
  try {
    localStorage.setItem(ASIDE, raw);
    localStorage.removeItem(KEY);
  } catch {
    /* it stays where it is; the page still works */
  }
  setAside = `Your saved progress could not be read, so it was set aside (kept under "${ASIDE}" in this browser's storage) and a fresh record was started.`;
  return { kind: "ok", progress: EMPTY, notice: setAside };
}

function save(p: Progress): boolean {
  try {
    localStorage.setItem(KEY, JSON.stringify(p));
    notify();
    return true;
  } catch {
    return false;
  }
}

/** Records an exercise as solved (the first time counts). */
export function markSolved(id: string): boolean {
  const p = loadProgress().progress;
  if (p.solved[id] !== undefined) return true;
  return save({ ...p, solved: { ...p.solved, [id]: Date.now() } });
}

export function setHints(id: string, shown: number): void {
  const p = loadProgress().progress;
  if ((p.hints[id] ?? 0) >= shown) return;
  save({ ...p, hints: { ...p.hints, [id]: shown } });
}

export function setPrediction(id: string, prediction: Prediction): void {
  const p = loadProgress().progress;
  save({ ...p, predictions: { ...p.predictions, [id]: prediction } });
}

/** Forgets every solved exercise, hint and prediction. */
export function clearProgress(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    /* nothing to clear */
  }
  notify();
}

/** Fired on the document when progress changes, so every view of it updates. */
export const PROGRESS_EVENT = "al-progress";

function notify(): void {
  document.dispatchEvent(new CustomEvent(PROGRESS_EVENT));
}
