/**
 * `<al-playground>`: one runnable example.
 *
 * The markup (Playground.astro) is readable without any script: the code
 * highlighted at build time, its Python counterpart, a Run button. This
 * class brings it to life: Run (button or Ctrl/Cmd+Enter) sends the code to
 * the sandbox and shows the output; Edit loads the editor (Monaco, lazily —
 * Run never waits for it); edits are saved per playground and survive
 * reloads and crashed runs; Reset restores the lesson's code; Share puts
 * the code in a link; Copy link gives the playground's own address.
 *
 * A shared link never replaces the learner's saved edit without asking: its
 * code is shown marked as shared, not saved and not run, until the learner
 * keeps it.
 *
 * What happens to a run is told by events (run-events.ts), which the
 * timeline (its own element, inside this one) and exercises listen to; the
 * timeline asks back by events for what it shows here: the output's pace,
 * all of it, the code line at its playhead.
 */
import type { RunResult } from "../../sandbox/run.ts";
import { nextTask } from "../next-task.ts";
import type { MessageDetail, RunEventDetail, TimelineLineDetail, TimelineSpeedDetail } from "../run-events.ts";
import { CodeView } from "./code-view.ts";
import { OutputReveal } from "./output-reveal.ts";
import { outputText, prependTypeProblems, renderError, renderLines } from "./output-view.ts";
import { runInSandbox, warmSandbox } from "./sandbox-client.ts";
import { playgroundUrl, readShare, shareUrl, withoutShare } from "./share.ts";
import { loadSpeed, type Speed, speedForRun } from "../speed.ts";
import { clearEdit, loadEdit, saveEdit } from "./storage.ts";

type Mode = "lesson" | "edited" | "shared";

const PRESENTER_KEY = "async-lab:presenter";
/** How long a reply waits for the editor's type check that was started with the run. */
const TYPE_WAIT_MS = 400;
/** Trace events or output items past which a reply is shown in a task of its own, after the one that decoded it. */
const LARGE_REPLY = 5_000;

export class PlaygroundElement extends HTMLElement {
  private original = "";
  private mode: Mode = "lesson";
  private code!: CodeView;
  private running = false;
  /** Counts the runs started: a run that awaits its type errors sees whether a newer one began meanwhile. */
  private runsStarted = 0;
  private lastRun: RunResult | null = null;
  /** Shows the last run's output lines at their loop time. */
  private reveal: OutputReveal | null = null;

  get playgroundId(): string {
    return this.dataset.id ?? "play";
  }

  /** Its name for screen readers: the title in its bar, or a longer label where that is not unique. */
  get displayTitle(): string {
    return this.dataset.label ?? this.querySelector(".al-pg-title")?.textContent ?? this.playgroundId;
  }

  /** The code a Run would run now. */
  get source(): string {
    return this.code.value;
  }

  /** The result of the last run, if any. */
  get result(): RunResult | null {
    return this.lastRun;
  }

  connectedCallback(): void {
    if (this.code) return;
    this.original = this.querySelector<HTMLTemplateElement>("template[data-role=source]")?.content.textContent ?? "";
    this.code = new CodeView(this.el("code"), this.original, {
      onChange: (value) => this.edited(value),
      onRun: () => void this.run(),
    });
    this.restore();
    this.addEventListener("click", (e) => this.onClick(e));
    this.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void this.run();
      }
    });
    // A click on a part that takes no focus (the output, the timeline's
    // drawing) still makes this the playground Ctrl/Cmd+Enter runs.
    this.addEventListener("pointerdown", () => (lastTouched = this));
    // The timeline asks (run-events.ts).
    this.addEventListener("al-timeline-speed", (e) => this.setOutputSpeed((e as CustomEvent<TimelineSpeedDetail>).detail.speed));
    this.addEventListener("al-timeline-inspect", () => this.showAllOutput());
    this.addEventListener("al-timeline-line", (e) => this.markLine((e as CustomEvent<TimelineLineDetail>).detail.line));
    this.addEventListener("al-timeline-failed", (e) => this.timelineFailed((e as CustomEvent<MessageDetail>).detail.message));
    const warm = () => warmSandbox();
    this.addEventListener("pointerenter", warm, { once: true });
    this.addEventListener("focusin", warm, { once: true });
    this.classList.add("al-ready");
    this.syncPresenter();
  }

  private el<T extends HTMLElement = HTMLElement>(role: string): T {
    const el = this.querySelector<T>(`[data-role=${role}]`);
    if (el === null) throw new Error(`playground ${this.playgroundId}: missing [data-role=${role}]`);
    return el;
  }

  /** Decides what code to show on load: a shared link's, the saved edit, or the lesson's. */
  private restore(): void {
    const saved = loadEdit(this.playgroundId);
    if (saved.kind === "corrupt") this.notice(saved.message, "warning");
    if (saved.kind === "ok" && saved.edit.code !== this.original) {
      this.mode = "edited";
      this.code.show(saved.edit.code);
    }
    const share = readShare(location.search);
    if (share.kind === "invalid" && (share.id === null || share.id === this.playgroundId)) {
      if (share.id === this.playgroundId || this.isFirstPlayground()) this.notice(share.message, "warning");
    } else if (share.kind === "ok" && share.id === this.playgroundId) {
      this.mode = "shared";
      this.code.show(share.code);
      const had = saved.kind === "ok";
      this.notice(
        `You are looking at code from a shared link. It has not run, and it is not saved${had ? " — your own saved edit is kept" : ""}.`,
        "shared",
        [
          { label: "Keep it as my edit", action: "keep-shared" },
          { label: had ? "Back to my edit" : "Back to the lesson's code", action: "drop-shared" },
        ],
      );
    }
    this.updateBadge();
  }

  private isFirstPlayground(): boolean {
    return document.querySelector("al-playground") === this;
  }

  private onClick(e: MouseEvent): void {
    const button = (e.target as Element | null)?.closest<HTMLButtonElement>("button[data-action]");
    if (!button || !this.contains(button)) return;
    switch (button.dataset.action) {
      case "run":
        return void this.run();
      case "edit":
        return void this.code.openEditor();
      case "reset":
        return this.reset();
      case "share":
        return void this.share(button);
      case "link":
        return void this.copy(playgroundUrl(location, this.playgroundId), button, "Link copied");
      case "present":
        return this.togglePresenter();
      case "keep-shared":
        return this.keepShared();
      case "drop-shared":
        return this.dropShared();
    }
  }

  private edited(value: string): void {
    if (this.mode === "shared") return; // shared code is saved only when the learner keeps it
    if (value === this.original) {
      this.mode = "lesson";
      clearEdit(this.playgroundId);
    } else {
      this.mode = "edited";
      if (!saveEdit(this.playgroundId, value)) this.notice("Your browser refused to save this edit (storage full or disabled); it will be lost on reload.", "warning");
    }
    this.updateBadge();
  }

  /** Runs the current code (saving an edit first, so a crash loses nothing). */
  async run(): Promise<void> {
    if (this.running) return;
    // Whoever holds this playground may hold a run back (an exercise that asks for a prediction first).
    if (!this.dispatchEvent(new CustomEvent("al-run-request", { cancelable: true }))) return;
    const source = this.source;
    if (this.mode === "edited") saveEdit(this.playgroundId, source);
    this.running = true;
    const run = ++this.runsStarted;
    // The timeline stops playback and dims the last run until this one arrives (and loads itself meanwhile).
    this.dispatchEvent(new CustomEvent("al-run-start"));
    const runButton = this.el<HTMLButtonElement>("run");
    runButton.setAttribute("aria-busy", "true");
    this.status("Running…");
    this.code.clearMarks();
    // Type errors are looked up while the program runs (the editor's
    // TypeScript service, if the editor is open), and shown before its output.
    const problems = this.code.typeProblems().catch(() => []);
    const outcome = await runInSandbox(source).outcome;
    // Decoding and checking a large reply took one long task; let the page
    // breathe (input, a frame) before the output and the timeline take another.
    if (outcome.kind === "done" && ((outcome.result.trace?.count ?? 0) > LARGE_REPLY || outcome.result.output.length > LARGE_REPLY)) await nextTask();
    this.running = false;
    runButton.removeAttribute("aria-busy");
    const errorBox = this.el("error");
    errorBox.hidden = true;
    if (outcome.kind === "timeout") {
      this.reveal?.dispose();
      this.reveal = null;
      this.el("output").replaceChildren();
      this.status(`Stopped after ${outcome.limitMs / 1000} s of real time: the program never gave control back (an infinite loop without await?). A fresh sandbox is ready for the next Run.`, "error");
      this.stopped(`stopped after ${outcome.limitMs / 1000} s of real time`);
      return;
    }
    if (outcome.kind === "failed") {
      this.status(outcome.message, "error");
      this.stopped(outcome.message);
      return;
    }
    const result = outcome.result;
    this.lastRun = result;
    this.reveal?.dispose();
    const speed = speedForRun(loadSpeed(), result.stats.virtualTime);
    this.reveal = new OutputReveal(renderLines(this.el("output"), result.output, () => this.downloadOutput(result.output)), speed);
    const types = await settled(problems, TYPE_WAIT_MS, []);
    // Another run started while the type errors were awaited: the rest is its to show.
    if (run !== this.runsStarted) return;
    if (types.length > 0) prependTypeProblems(this.el("output"), types, (line, column) => this.code.showLine(line, column, "error"));
    if (result.error) {
      renderError(errorBox, result.error, (line, column) => this.code.showLine(line, column, "error"));
      if (result.error.line > 0) this.code.markError(result.error.line, result.error.column, `${result.error.name}: ${result.error.message}`);
    }
    const typeNote = types.length === 0 ? "" : ` ${types.length} type ${types.length === 1 ? "error" : "errors"} shown above the output: the program ran anyway.`;
    this.status(`${summary(result)}${typeNote}`, result.ok ? (types.length > 0 ? "warning" : "ok") : "error");
    this.dispatchEvent(new CustomEvent<RunEventDetail>("al-run", { detail: { result, source, speed, output: this.el("output"), title: this.displayTitle }, bubbles: true }));
  }

  private downloadOutput(items: RunResult["output"]): void {
    const url = URL.createObjectURL(new Blob([outputText(items)], { type: "text/plain" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `${this.playgroundId}-output.txt`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  /** Says a run ended without a result (its exercise, if any, shows that no check passed). */
  private stopped(message: string): void {
    this.dispatchEvent(new CustomEvent<MessageDetail>("al-run-stopped", { detail: { message } }));
  }

  /** Says that the timeline could not load (its element asks: `al-timeline-failed`). */
  private timelineFailed(message: string): void {
    this.status(`The timeline could not load: ${message}`, "error");
  }

  /** Output lines appear at this speed from now on (the learner changed it on the timeline). */
  setOutputSpeed(speed: Speed): void {
    this.reveal?.setSpeed(speed);
  }

  /** Every output line of the last run, shown now. */
  showAllOutput(): void {
    this.reveal?.showAll();
  }

  /** Marks the line under the timeline's playhead in the code (null: none). */
  markLine(line: number | null): void {
    this.code.markCurrent(line);
  }

  private reset(): void {
    clearEdit(this.playgroundId);
    this.mode = "lesson";
    this.code.show(this.original);
    this.hideNotice();
    this.updateBadge();
    this.status("Back to the lesson's code.");
  }

  private keepShared(): void {
    this.mode = "edited";
    saveEdit(this.playgroundId, this.source);
    this.leaveShare();
    this.status("The shared code is now your saved edit.");
  }

  private dropShared(): void {
    const saved = loadEdit(this.playgroundId);
    this.mode = saved.kind === "ok" ? "edited" : "lesson";
    this.code.show(saved.kind === "ok" ? saved.edit.code : this.original);
    this.leaveShare();
  }

  private leaveShare(): void {
    this.hideNotice();
    this.updateBadge();
    history.replaceState(history.state, "", `${location.pathname}${withoutShare(location.search)}${location.hash}`);
  }

  private async share(button: HTMLButtonElement): Promise<void> {
    await this.copy(shareUrl(location, this.playgroundId, this.source), button, "Share link copied");
  }

  private async copy(text: string, button: HTMLButtonElement, done: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.status(`${done}.`);
    } catch {
      this.notice("Copy this link:", "info", [], text);
    }
    button.focus();
  }

  private togglePresenter(): void {
    const on = !document.documentElement.classList.contains("al-presenter");
    document.documentElement.classList.toggle("al-presenter", on);
    try {
      localStorage.setItem(PRESENTER_KEY, on ? "1" : "0");
    } catch {
      /* not saved: fine */
    }
    for (const pg of document.querySelectorAll<PlaygroundElement>("al-playground")) pg.syncPresenter();
  }

  private syncPresenter(): void {
    let on = document.documentElement.classList.contains("al-presenter");
    if (!on) {
      try {
        on = localStorage.getItem(PRESENTER_KEY) === "1";
      } catch {
        on = false;
      }
      if (on) document.documentElement.classList.add("al-presenter");
    }
    this.querySelector("[data-action=present]")?.setAttribute("aria-pressed", String(on));
  }

  private updateBadge(): void {
    const badge = this.el("badge");
    badge.hidden = this.mode === "lesson";
    badge.textContent = this.mode === "shared" ? "Shared code" : "Edited";
    this.querySelector<HTMLButtonElement>("[data-action=reset]")!.disabled = this.mode === "lesson";
    // The Python beside it is the lesson's: say so once the code shown is not.
    const changed = this.mode !== "lesson";
    const summary = this.querySelector("[data-role=python-summary]");
    if (summary) summary.textContent = changed ? "The Python the lesson's code stands for (not your change)" : "The Python it stands for";
    const note = this.querySelector<HTMLElement>("[data-role=python-note]");
    if (note) note.hidden = !changed;
  }

  private status(text: string, kind: "ok" | "warning" | "error" | "info" = "info"): void {
    const s = this.el("status");
    s.textContent = text;
    s.dataset.kind = kind;
  }

  private notice(text: string, kind: "warning" | "shared" | "info", actions: { label: string; action: string }[] = [], link?: string): void {
    const box = this.el("notice");
    const p = document.createElement("p");
    p.textContent = text;
    box.replaceChildren(p);
    if (link !== undefined) {
      const input = document.createElement("input");
      input.readOnly = true;
      input.value = link;
      input.className = "al-pg-linkbox";
      input.setAttribute("aria-label", "Link");
      box.append(input);
      input.select();
    }
    for (const a of actions) {
      const b = document.createElement("button");
      b.type = "button";
      b.className = "al-btn al-btn-small";
      b.dataset.action = a.action;
      b.textContent = a.label;
      box.append(b);
    }
    box.dataset.kind = kind;
    box.hidden = false;
  }

  private hideNotice(): void {
    this.el("notice").hidden = true;
  }
}

/** `promise`'s value, or `fallback` if it takes longer than `ms`. */
function settled<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  return Promise.race([promise, new Promise<T>((done) => setTimeout(() => done(fallback), ms))]);
}

function summary(r: RunResult): string {
  const loop = `${r.stats.virtualTime.toFixed(3)} s of loop time`;
  const real = `${Math.max(1, Math.round(r.stats.compileMs + r.stats.runMs))} ms`;
  if (r.error?.kind === "compile") return `Did not compile: ${r.error.name}: ${r.error.message} (line ${r.error.line}).`;
  if (r.error?.kind === "limit") return r.error.message;
  if (r.error) return `Raised ${r.error.name} after ${loop}.`;
  return `Finished: ${loop}, ${r.stats.tasks} ${r.stats.tasks === 1 ? "task" : "tasks"} (ran in ${real}).`;
}

/** The playground the learner last clicked in, for Ctrl/Cmd+Enter with nothing focused. */
let lastTouched: PlaygroundElement | null = null;

if (!customElements.get("al-playground")) {
  customElements.define("al-playground", PlaygroundElement);
  document.addEventListener("keydown", (e) => {
    if (e.key !== "Enter" || !(e.ctrlKey || e.metaKey) || e.defaultPrevented) return;
    // Focus inside a playground: its own listener has it; elsewhere: not ours.
    if (document.activeElement !== null && document.activeElement !== document.body) return;
    if (lastTouched === null || !lastTouched.isConnected) return;
    e.preventDefault();
    void lastTouched.run();
  });
  // Boot the sandbox once the page is idle, so the first Run does not pay for it.
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void }).requestIdleCallback;
  if (idle) idle(() => warmSandbox(), { timeout: 3000 });
  else setTimeout(() => warmSandbox(), 1000);
}
