/** The line over the timeline (loop time, tasks, events, time blocked), and the note on a cut trace. */
import { el } from "../../dom.ts";
import type { TimelineModel } from "../model/model.ts";
import { fmtCount, fmtTime } from "../scale.ts";

export function showSummary(summary: HTMLElement, note: HTMLElement, m: TimelineModel): void {
  summary.replaceChildren(el("strong", "", "Event loop timeline"));
  const bits = [`${fmtTime(m.endTime)} of loop time`, `${fmtCount(m.taskLanes.size)} ${m.taskLanes.size === 1 ? "task" : "tasks"}`, `${fmtCount(m.count)} events`];
  const blocked = m.loop.blocks.reduce((sum, b) => sum + b.seconds, 0);
  if (blocked > 0) bits.push(`loop blocked ${fmtTime(blocked)}`);
  summary.append(` · ${bits.join(" · ")}`);
  const notes: string[] = [];
  if (m.trace.truncated) notes.push(`The trace was cut at ${fmtCount(m.count)} events: the timeline shows the start of the run, up to ${fmtTime(m.endTime)} of loop time.`);
  note.textContent = notes.join(" ");
  note.hidden = notes.length === 0;
}
