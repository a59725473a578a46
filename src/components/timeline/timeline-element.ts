/**
 * `<al-timeline>`: a playground's event-loop timeline, an island of its own.
 *
 * It listens to its playground's run events (run-events.ts): on
 * `al-run-start` it dims the last run and loads its drawing code, a chunk
 * of its own (timeline-view.ts and what it imports), so a lesson page pays
 * nothing for the timeline until a run; on `al-run` it shows the run,
 * starting from the speed the playground chose for the output; on
 * `al-run-stopped` it puts the last run away. It asks back by events
 * bubbling from itself: the output's pace, all of the output, the code
 * line at the playhead. It imports nothing from the playground.
 */
import { nextTask } from "../next-task.ts";
import type { MessageDetail, RunEventDetail } from "../run-events.ts";

type ViewModule = typeof import("./timeline-view.ts");
let chunk: Promise<ViewModule> | null = null;

/** The drawing code, loaded once for the page (again after a failed load). */
function load(): Promise<ViewModule> {
  chunk ??= import("./timeline-view.ts");
  chunk.catch(() => (chunk = null));
  return chunk;
}

export class TimelineElement extends HTMLElement {
  private view: InstanceType<ViewModule["TimelineView"]> | null = null;
  private playground: Element | null = null;
  /** The last run asked for (an older one arriving late is not shown). */
  private latest: RunEventDetail | null = null;

  connectedCallback(): void {
    if (this.playground) return;
    const pg = this.closest("al-playground");
    if (!pg) return;
    this.playground = pg;
    pg.addEventListener("al-run-start", () => {
      load().catch(() => undefined);
      this.view?.stale();
    });
    pg.addEventListener("al-run", (e) => void this.show((e as CustomEvent<RunEventDetail>).detail));
    // A run that ended without a result (the sandbox was stopped): the last run's timeline goes, as for a run without a trace.
    pg.addEventListener("al-run-stopped", () => {
      this.latest = null;
      this.view?.clear();
    });
  }

  private async show(detail: RunEventDetail): Promise<void> {
    this.latest = detail;
    // A run without a trace (it did not compile): the last run's timeline goes, not to be taken for this one's.
    if (!detail.result.trace) return this.view?.clear();
    let m: ViewModule;
    try {
      m = await load();
    } catch (e) {
      this.dispatchEvent(new CustomEvent<MessageDetail>("al-timeline-failed", { detail: { message: e instanceof Error ? e.message : String(e) }, bubbles: true }));
      return;
    }
    // In a task of its own: the output first, then the timeline (each well within a frame's budget).
    await nextTask();
    if (this.latest !== detail) return;
    this.view ??= new m.TimelineView(this, detail.title);
    this.view.show(detail);
  }
}

if (!customElements.get("al-timeline")) customElements.define("al-timeline", TimelineElement);
