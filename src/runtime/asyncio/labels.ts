/** Short, human labels for the timeline: "sleep 1 s", "sleep 0.25 s", "sleep inf s". */
export function formatSeconds(s: number): string {
  if (s === Infinity) return "forever";
  const rounded = Math.round(s * 1000) / 1000;
  return `${rounded === 0 && s > 0 ? s.toPrecision(2) : rounded} s`;
}
