/** "How to read the timeline": what each colour and mark means. */
import { el } from "../../dom.ts";

export function buildLegend(): HTMLElement {
  const box = el("details", "al-tl-legend");
  const sum = el("summary", "", "How to read the timeline");
  const ul = el("ul");
  const items: [string, string][] = [
    ["running", "running: the loop is executing this task (one task at a time)"],
    ["ready", "ready: in the ready queue, waiting for its turn"],
    ["waiting", "waiting: suspended at an await; the label says on what"],
    ["late", "late: its timer was due, but the loop was busy or blocked"],
    ["blocked", "loop blocked: a blocking call froze everything"],
    ["executor", "executor job: runs on a worker thread, the loop stays free"],
    ["band", "one instant spread out: no time passes, the order of steps shows"],
  ];
  for (const [kind, text] of items) {
    const li = el("li");
    li.append(el("span", `al-tl-swatch al-tl-swatch-${kind}`), text);
    ul.append(li);
  }
  const marks = el("li", "al-tl-legend-marks", "✓ returned · ✕ raised · – cancelled · ▾ printed · ◆ timeout expired · dashed arrow: one task woke another");
  const prims = el("li", "al-tl-legend-marks", "A semaphore, lock, event or queue: the line is its value (free permits, free or held, set or not, items), the shaded area the tasks waiting on it.");
  ul.append(marks, prims);
  box.append(sum, ul);
  return box;
}
