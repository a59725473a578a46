/**
 * The timeline alone over the whole window (a dialog until Esc or the
 * button again), for long runs and small screens: the lanes get the
 * window's width, the page behind does not scroll.
 *
 * It is shown as a popover, in the browser's top layer: `position: fixed`
 * alone stayed inside the lesson's column (an ancestor's containment is
 * the containing block of a fixed element) and under the header and the
 * "On this page" list. The element stays where it is in the document.
 */

/** Puts `root` in full screen or back; `button` says which. */
export function setFullScreen(root: HTMLElement, button: HTMLButtonElement, on: boolean): void {
  const r = root as HTMLElement & { showPopover?(): void; hidePopover?(): void };
  if (on) {
    r.setAttribute("popover", "manual");
    r.showPopover?.();
    r.setAttribute("role", "dialog");
    r.setAttribute("aria-modal", "true");
  } else {
    if (r.matches(":popover-open")) r.hidePopover?.();
    r.removeAttribute("popover");
    r.removeAttribute("role");
    r.removeAttribute("aria-modal");
  }
  root.classList.toggle("al-tl-full", on);
  // The button says what it does next (its name changes), so it is not also a pressed toggle ("Exit full screen, pressed").
  button.querySelector("span")!.textContent = on ? "Exit full screen" : "Full screen";
  button.setAttribute("aria-label", on ? "Exit full screen" : "Full screen");
  button.focus();
}

/** True while `root` is in full screen. */
export function isFullScreen(root: HTMLElement): boolean {
  return root.classList.contains("al-tl-full");
}

/** Tab and Shift+Tab go round the full-screen timeline, as in any modal dialog. */
export function keepFocusInside(root: HTMLElement, e: KeyboardEvent): void {
  const focusable = [...root.querySelectorAll<HTMLElement>("button, select, input, summary, [tabindex='0']")].filter((x) => !x.hidden && x.getClientRects().length > 0 && !(x as HTMLButtonElement).disabled);
  if (focusable.length === 0) return;
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}
