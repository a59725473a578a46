/**
 * The events a playground and its timeline (and exercises) talk by: the
 * playground says what happens to a run, the timeline asks for what it
 * shows elsewhere on the page. Neither imports the other: both import this.
 *
 * On `<al-playground>` (see playground-element.ts):
 * - `al-run-request` before a run (cancelable: an exercise holds the run
 *   back until a prediction is made);
 * - `al-run-start` when it starts (the timeline dims the last run and
 *   loads itself meanwhile);
 * - `al-run` with a `RunEventDetail` after a finished run (bubbles);
 * - `al-run-stopped` ({ message }) when the run ended without a result.
 *
 * On `<al-timeline>`, bubbling to its playground (see timeline-element.ts):
 * - `al-timeline-speed` ({ speed }): the learner chose another speed: the
 *   output goes on at it, from the loop time reached;
 * - `al-timeline-inspect`: playback is over or the learner took the
 *   playhead: show every output line now;
 * - `al-timeline-line` ({ line }): mark this code line (null: none);
 * - `al-timeline-failed` ({ message }): the timeline's code could not be
 *   loaded (the playground says so; the output stands).
 */
import type { RunResult } from "../sandbox/run.ts";
import type { Speed } from "./speed.ts";

/** `al-run`'s detail: a finished run. */
export interface RunEventDetail {
  readonly result: RunResult;
  readonly source: string;
  /** The speed the output is revealed at, by loop time; the timeline starts from it (raised for a long playback axis). */
  readonly speed: Speed;
  /** The output panel's list (its lines carry `data-item` and `data-time`). */
  readonly output: HTMLElement;
  /** The playground's name for screen readers. */
  readonly title: string;
}

/** `al-timeline-speed`'s detail. */
export interface TimelineSpeedDetail {
  readonly speed: Speed;
}

/** `al-timeline-line`'s detail. */
export interface TimelineLineDetail {
  readonly line: number | null;
}

/** `al-run-stopped`'s and `al-timeline-failed`'s detail: what went wrong, in words. */
export interface MessageDetail {
  readonly message: string;
}
