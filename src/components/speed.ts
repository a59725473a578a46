/**
 * The playback speed: how fast a run's output appears and its timeline
 * plays, in seconds of loop time per real second. One choice for the whole
 * site, kept in local storage, so a learner who picks Instant (or ½×) gets
 * it on every playground and after a reload.
 */

export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8] as const;
export type Speed = (typeof SPEEDS)[number] | "instant";

const KEY = "async-lab:speed";

function reducedMotion(): boolean {
  return typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;
}

/** Reads a stored speed; anything else is not a speed. */
export function parseSpeed(value: string | null): Speed | null {
  if (value === "instant") return "instant";
  const n = Number(value);
  return (SPEEDS as readonly number[]).includes(n) ? (n as Speed) : null;
}

/** The learner's chosen speed: stored, or Instant if they asked for reduced motion, else 1×. */
export function loadSpeed(): Speed {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(KEY);
  } catch {
    /* storage refused: the default */
  }
  return parseSpeed(stored) ?? (reducedMotion() ? "instant" : 1);
}

/** Remembers the learner's choice (quietly not, if storage is refused). */
export function saveSpeed(speed: Speed): void {
  try {
    localStorage.setItem(KEY, String(speed));
  } catch {
    /* not saved: fine */
  }
}

/**
 * The speed a run plays at: the chosen one, raised for a long run so it
 * plays in about `target` seconds (a 5-minute program is not watched at 1×);
 * Instant when even 8× would take more than a minute and a half.
 */
export function speedForRun(chosen: Speed, length: number, target = 20): Speed {
  if (chosen === "instant") return "instant";
  if (length / chosen <= target) return chosen;
  for (const s of SPEEDS) if (s >= chosen && length / s <= target) return s;
  return length / 8 <= 90 ? 8 : "instant";
}

export function speedLabel(s: Speed): string {
  if (s === "instant") return "Instant";
  if (s === 0.25) return "¼×";
  if (s === 0.5) return "½×";
  return `${s}×`;
}
