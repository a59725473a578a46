/**
 * The timeline's keys: left and right arrows step through events (with
 * Shift, or PageUp/PageDown, a moment in time at once), Space or K plays or
 * pauses, Home and End go to the start and the end, plus, minus and 0
 * zoom; in full screen, Esc leaves and Tab stays inside.
 */
import { isFullScreen, keepFocusInside } from "./fullscreen.ts";

/** What the keys do. */
export interface KeyActions {
  stepBy(d: number): void;
  stepInstant(d: number): void;
  home(): void;
  end(): void;
  togglePlay(): void;
  zoomBy(factor: number): void;
  fit(): void;
  leaveFullScreen(): void;
}

/** Handles a key pressed in the timeline (`fromScrubber`: on the scrubber, which handles no other key itself). */
export function onTimelineKey(root: HTMLElement, e: KeyboardEvent, fromScrubber: boolean, act: KeyActions): void {
  const target = e.target as HTMLElement;
  if (!fromScrubber && isFullScreen(root)) {
    if (e.key === "Escape") {
      e.preventDefault();
      act.leaveFullScreen();
      return;
    }
    if (e.key === "Tab") return keepFocusInside(root, e);
  }
  if (!fromScrubber && target.closest("select, input, textarea, .al-tl-table")) return;
  if (e.altKey || e.ctrlKey || e.metaKey) return;
  // Space on a button, a summary or a link is theirs (press, open), not play/pause.
  const onButton = target.closest("button, summary, a") !== null;
  let handled = true;
  switch (e.key) {
    case "ArrowLeft":
      if (e.shiftKey) act.stepInstant(-1);
      else act.stepBy(-1);
      break;
    case "ArrowRight":
      if (e.shiftKey) act.stepInstant(1);
      else act.stepBy(1);
      break;
    case "PageUp":
      act.stepInstant(-1);
      break;
    case "PageDown":
      act.stepInstant(1);
      break;
    case "Home":
      act.home();
      break;
    case "End":
      act.end();
      break;
    case " ":
    case "k":
      if (onButton && e.key === " ") return;
      act.togglePlay();
      break;
    case "+":
    case "=":
      act.zoomBy(2);
      break;
    case "-":
      act.zoomBy(0.5);
      break;
    case "0":
      act.fit();
      break;
    default:
      handled = false;
  }
  if (handled) {
    e.preventDefault();
    e.stopPropagation();
  }
}
