/**
 * Shows the learner's progress wherever the page has a place for it: a
 * "1/3" badge after each lesson's link in the sidebar, "1 of 3 exercises
 * solved" under each lesson on the home page, and the home page's control
 * to clear it. Updates when progress changes (in this tab).
 */
import { clearProgress, loadProgress, PROGRESS_EVENT } from "./progress.ts";

function exerciseMap(): Record<string, string[]> {
  try {
    return JSON.parse(document.getElementById("al-exercise-map")?.textContent ?? "{}") as Record<string, string[]>;
  } catch {
    return {};
  }
}

function update(): void {
  const map = exerciseMap();
  const { progress, notice } = loadProgress();
  let any = false;
  for (const [lesson, ids] of Object.entries(map)) {
    const done = ids.filter((id) => progress.solved[id] !== undefined).length;
    any ||= done > 0;
    const words = `${done} of ${ids.length} exercises solved`;
    // Sidebar: a badge inside the lesson's link.
    for (const a of document.querySelectorAll<HTMLAnchorElement>(`nav a[href="/lessons/${lesson}/"]`)) {
      let badge = a.querySelector<HTMLElement>(".al-progress-badge");
      if (!badge) {
        badge = document.createElement("span");
        badge.className = "al-progress-badge";
        const visible = document.createElement("span");
        visible.setAttribute("aria-hidden", "true");
        const spoken = document.createElement("span");
        spoken.className = "al-sr";
        badge.append(visible, spoken);
        a.append(badge);
      }
      badge.dataset.complete = String(done === ids.length);
      (badge.firstElementChild as HTMLElement).textContent = done === ids.length ? `✓ ${done}/${ids.length}` : `${done}/${ids.length}`;
      (badge.lastElementChild as HTMLElement).textContent = ` (${words})`;
    }
    // Home page: a line under the lesson.
    for (const p of document.querySelectorAll<HTMLElement>(`[data-lesson="${lesson}"] [data-role=progress]`)) {
      p.hidden = false;
      p.textContent = done === ids.length ? `✓ All ${ids.length} exercises solved` : words;
    }
  }
  const actions = document.querySelector<HTMLElement>("[data-role=progress-actions]");
  if (actions) actions.hidden = !any;
  const note = document.querySelector<HTMLElement>("[data-role=progress-notice]");
  if (note) {
    note.hidden = notice === null;
    note.textContent = notice ?? "";
  }
}

document.addEventListener(PROGRESS_EVENT, update);
document.addEventListener("click", (e) => {
  const b = (e.target as Element).closest<HTMLButtonElement>("button[data-action]");
  const box = b?.closest<HTMLElement>("[data-role=progress-actions]");
  if (!b || !box) return;
  const confirm = box.querySelector<HTMLElement>("[data-role=confirm-clear]");
  const ask = box.querySelector<HTMLElement>("[data-action=clear-progress]");
  if (b.dataset.action === "clear-progress" && confirm && ask) {
    confirm.hidden = false;
    ask.hidden = true;
    confirm.querySelector<HTMLButtonElement>("[data-action=confirm-clear]")?.focus();
  } else if (b.dataset.action === "confirm-clear") {
    clearProgress();
    if (confirm && ask) {
      confirm.hidden = true;
      ask.hidden = false;
    }
    const status = box.parentElement?.querySelector<HTMLElement>("[data-role=progress-status]");
    if (status) status.textContent = "Your progress was cleared.";
    // The buttons are hidden now (nothing is solved): the focus goes to the first lesson.
    box.parentElement?.querySelector<HTMLAnchorElement>(".al-lessons a[href]")?.focus();
  } else if (b.dataset.action === "cancel-clear" && confirm && ask) {
    confirm.hidden = true;
    ask.hidden = false;
    ask.focus();
  }
});
update();
