/**
 * Entry of the timeline chunk, loaded by the playground after its first
 * run (so a lesson page pays nothing for the timeline until then): draws
 * each run's trace under the playground's output.
 *
 * The stylesheet comes in as text and is put in the page here: a CSS file
 * imported from this chunk would be hoisted into every lesson's <head> by
 * Astro (withastro/astro#9495), render-blocking for a widget not yet shown.
 */
import type { RunResult } from "../../sandbox/run.ts";
import type { PlaygroundElement } from "../playground/playground-element.ts";
import type { Speed } from "../playground/speed.ts";
import css from "./timeline.css?inline";
import { TimelineView } from "./timeline-view.ts";

/** One view per playground, for the life of the page (the pinned run lives in it). */
const views = new WeakMap<PlaygroundElement, TimelineView>();

function injectStyles(): void {
  if (document.querySelector("style[data-al-timeline]")) return;
  const style = document.createElement("style");
  style.dataset.alTimeline = "";
  style.textContent = css;
  document.head.append(style);
}

/** Draws `result`'s trace under `playground` and plays it back. */
export function showRun(playground: PlaygroundElement, result: RunResult, speed: Speed): void {
  injectStyles();
  let view = views.get(playground);
  if (!view) {
    view = new TimelineView(playground);
    views.set(playground, view);
  }
  view.show(result, speed);
}
