/**
 * Entry of the timeline chunk (being built): draws a run's trace under its
 * playground. Replaced by the real timeline.
 */
import type { RunResult } from "../../sandbox/run.ts";
import type { PlaygroundElement } from "../playground/playground-element.ts";

export function showRun(playground: PlaygroundElement, result: RunResult, _source: string): void {
  const host = playground.timelineHost();
  host.textContent = `${result.trace?.tasks.length ?? 0} tasks, ${result.trace?.events.length ?? 0} events`;
}
