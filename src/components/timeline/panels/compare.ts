/**
 * Pin a run, compare it with the next: the pin button's words, and the box
 * above the lanes that says each run's loop time and which was faster.
 */
import { el } from "../../dom.ts";
import type { TimelineModel } from "../model/model.ts";
import { fmtTime } from "../scale.ts";

/** Shows the pinned run against the current one in `box`, and the state of the pin button. */
export function showCompare(box: HTMLElement, pin: HTMLButtonElement, pinned: TimelineModel | null, current: TimelineModel | null): void {
  const pinnedNow = pinned !== null;
  pin.querySelector("span")!.textContent = pinnedNow ? "Unpin" : "Pin run";
  pin.setAttribute("aria-label", pinnedNow ? "Unpin the pinned run" : "Pin run: keep this run to compare it with the next one");
  box.replaceChildren();
  if (!pinned || !current) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  if (pinned === current) {
    box.append(el("p", "al-tl-compare-hint", `This run is pinned (${fmtTime(pinned.endTime)} of loop time). Change the code and run again: the next run is drawn below it, on the same time scale.`));
    return;
  }
  const a = pinned.endTime;
  const b = current.endTime;
  const max = Math.max(a, b, 1e-9);
  const dl = el("dl", "al-tl-totals");
  for (const [label, t, cls] of [
    ["Pinned run", a, "pinned"],
    ["This run", b, "current"],
  ] as const) {
    const dt = el("dt", "", label);
    const dd = el("dd");
    const bar = el("span", `al-tl-bar al-tl-bar-${cls}`);
    bar.style.width = `${Math.max(0.5, (t / max) * 100)}%`;
    dd.append(bar, el("span", "al-tl-total", `${fmtTime(t)} of loop time`));
    dl.append(dt, dd);
  }
  box.append(dl);
  let verdict: string;
  if (Math.abs(a - b) < 1e-9) verdict = "Same loop time.";
  else if (b < a) verdict = `This run took ${fmtTime(a - b)} less${b > 0 ? ` (${(a / b).toFixed(1)}× as fast)` : ""}.`;
  else verdict = `This run took ${fmtTime(b - a)} more${a > 0 ? ` (${(b / a).toFixed(1)}× as long)` : ""}.`;
  box.append(el("p", "al-tl-verdict", verdict));
}
