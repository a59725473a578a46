/**
 * Short, human numbers for the timeline's labels: "sleep 1 s",
 * "sleep 0.25 s", "sleep forever". Used where a label is made and where the
 * trace formats the labels it stored as numbers (see `trace/recorder.ts`).
 */

/** Seconds as a label shows them: at most three decimals, "forever" for infinity. */
export function formatSeconds(s: number): string {
  if (s === Infinity) return "forever";
  const rounded = Math.round(s * 1000) / 1000;
  return `${rounded === 0 && s > 0 ? s.toPrecision(2) : rounded} s`;
}

/** The label of `asyncio.sleep(seconds)`, on its timer and on the task that waits for it. */
export function sleepLabel(seconds: number): string {
  return `sleep ${formatSeconds(seconds)}`;
}
