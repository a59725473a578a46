/**
 * `<al-exercise>`: an exercise block (Exercise.astro) brought to life.
 *
 * - After every run of its playground (the `al-run` event), the checks are
 *   evaluated on the run (src/checks) and each shows ✓ or ✗ with what the
 *   run did; a summary is announced to screen readers. All passing marks
 *   the exercise solved in the learner's progress.
 * - A prediction, if the exercise asks one, comes first: the playground's
 *   Run is held back (its cancelable `al-run-request` event) until the
 *   learner locks a prediction in or skips it; the run then judges it.
 * - Hints open one at a time; "Show the solution" puts the solution beside
 *   the learner's code as a diff, never into it.
 */
import { checkRun, type CheckSpec, linesOf, type ExerciseCheckResult, type Prediction as PredictionSpec } from "../../checks/index.ts";
import type { MessageDetail, RunEventDetail } from "../run-events.ts";
import { el } from "../dom.ts";
import { changes, diffLines } from "./diff.ts";
import { PredictPanel } from "./predict.ts";
import { loadProgress, markSolved, PROGRESS_EVENT, setHints, setPrediction } from "./progress.ts";

interface ExerciseData {
  readonly checks: readonly CheckSpec[];
  readonly predict: PredictionSpec | null;
  readonly hints: number;
}

/** The playground inside, as this element uses it. */
interface PlaygroundLike extends HTMLElement {
  readonly source: string;
  run(): Promise<void>;
}

export class ExerciseElement extends HTMLElement {
  private data!: ExerciseData;
  private pg!: PlaygroundLike;
  private predict: PredictPanel | null = null;
  private hintsShown = 0;

  get exerciseId(): string {
    return this.dataset.exerciseId ?? this.id;
  }

  connectedCallback(): void {
    if (this.data) return;
    this.data = JSON.parse(this.piece("data").textContent ?? "{}") as ExerciseData;
    this.pg = this.querySelector("al-playground") as PlaygroundLike;
    const { progress, notice } = loadProgress();
    if (notice) this.state(notice, "warning");
    this.showSolved(progress.solved[this.exerciseId] !== undefined);
    const predictRoot = this.querySelector<HTMLElement>("[data-role=predict]");
    if (predictRoot && this.data.predict) {
      this.predict = new PredictPanel(predictRoot, this.exerciseId, this.data.predict, progress.predictions[this.exerciseId], (p) => {
        setPrediction(this.exerciseId, p);
        this.showChecks();
      });
    }
    this.showChecks();
    this.setUpHints(progress.hints[this.exerciseId] ?? 0);
    this.addEventListener("click", (e) => this.onClick(e));
    this.pg.addEventListener("al-run-request", (e) => {
      if (!this.predict?.pending) return;
      e.preventDefault();
      this.predict.focus();
      this.say("Make your prediction first (or skip it): then the run can show you whether you were right.");
    });
    this.pg.addEventListener("al-run-start", () => this.checking());
    this.pg.addEventListener("al-run-stopped", (e) => this.stopped((e as CustomEvent<MessageDetail>).detail.message));
    this.pg.addEventListener("al-run", (e) => this.onRun((e as CustomEvent<RunEventDetail>).detail));
    document.addEventListener(PROGRESS_EVENT, () => this.showSolved(loadProgress().progress.solved[this.exerciseId] !== undefined));
    this.classList.add("al-ready");
  }

  private piece<T extends HTMLElement = HTMLElement>(role: string): T {
    const found = this.querySelector<T>(`[data-role=${role}]`);
    if (!found) throw new Error(`exercise ${this.exerciseId}: missing [data-role=${role}]`);
    return found;
  }

  /** The pressed button is hidden once a prediction is locked in or declined: the focus goes on to the playground's Run. */
  private focusRun(): void {
    this.pg.querySelector<HTMLButtonElement>("[data-action=run]")?.focus();
  }

  private onClick(e: MouseEvent): void {
    const button = (e.target as Element).closest<HTMLButtonElement>("button[data-action]");
    if (!button || !this.contains(button)) return;
    switch (button.dataset.action) {
      case "lock-prediction":
        if (this.predict?.tryLock()) {
          this.focusRun();
          void this.pg.run();
        }
        return;
      case "skip-prediction":
        this.predict?.decline();
        this.focusRun();
        return;
      case "next-hint":
        return this.nextHint();
      case "solution":
        return this.toggleSolution(button);
    }
  }

  // ---- checks ------------------------------------------------------------

  /** The checks, once there is no prediction left to make (they would give its answer away). */
  private showChecks(): void {
    const waiting = this.predict?.pending ?? false;
    this.piece("checks-box").hidden = waiting;
    this.piece("checks-wait").hidden = !waiting;
  }

  private checking(): void {
    for (const li of this.checkItems()) {
      li.dataset.state = "running";
      (li.querySelector("[data-role=seen]") as HTMLElement).textContent = "running…";
    }
  }

  private stopped(message: string): void {
    for (const li of this.checkItems()) {
      li.dataset.state = "fail";
      (li.querySelector(".al-ex-mark") as HTMLElement).textContent = "✗";
      (li.querySelector("[data-role=seen]") as HTMLElement).textContent = "the run did not finish";
    }
    this.say(`The run did not finish (${message}), so no check passes yet.`);
  }

  private onRun(detail: RunEventDetail): void {
    const { results, solved } = checkRun(this.data.checks, detail.result, detail.source);
    this.render(results);
    this.predict?.judge(linesOf(detail.result.output).filter((l) => l.stream === "stdout"));
    const passing = results.filter((r) => r.pass).length;
    if (solved) {
      const first = loadProgress().progress.solved[this.exerciseId] === undefined;
      markSolved(this.exerciseId);
      this.showSolved(true);
      this.say(`All ${results.length} checks pass: exercise solved${first ? "! It is saved in your progress." : " (again)."}`);
    } else {
      this.say(`${passing} of ${results.length} checks pass. ${results.find((r) => !r.pass)?.goal ?? ""}: ${results.find((r) => !r.pass)?.seen ?? ""}.`);
    }
  }

  private checkItems(): HTMLLIElement[] {
    return [...this.piece("checks").querySelectorAll<HTMLLIElement>(".al-ex-check")];
  }

  private render(results: readonly ExerciseCheckResult[]): void {
    const items = this.checkItems();
    for (const r of results) {
      const li = items[r.index];
      if (!li) continue;
      li.dataset.state = r.pass ? "pass" : "fail";
      (li.querySelector(".al-ex-mark") as HTMLElement).textContent = r.pass ? "✓" : "✗";
      (li.querySelector(".al-ex-goal") as HTMLElement).textContent = r.goal;
      (li.querySelector("[data-role=seen]") as HTMLElement).textContent = r.seen;
    }
  }

  private say(text: string): void {
    const live = this.piece("announce");
    // A change of text is what screen readers announce: clear first, so the same words twice still are.
    live.textContent = "";
    requestAnimationFrame(() => (live.textContent = text));
  }

  private showSolved(solved: boolean): void {
    this.classList.toggle("al-ex-solved", solved);
    const state = this.piece("state");
    if (state.dataset.kind === "warning" && !solved) return;
    state.textContent = solved ? "✓ Solved" : "";
    state.dataset.kind = solved ? "solved" : "";
  }

  private state(text: string, kind: "warning"): void {
    const state = this.piece("state");
    state.textContent = text;
    state.dataset.kind = kind;
  }

  // ---- hints -------------------------------------------------------------

  private hintDetails(): HTMLDetailsElement[] {
    return [...this.piece("hints").querySelectorAll<HTMLDetailsElement>(".al-ex-hint")];
  }

  private setUpHints(shown: number): void {
    const hints = this.hintDetails();
    this.hintsShown = Math.min(shown, hints.length);
    hints.forEach((d, i) => {
      d.hidden = i >= this.hintsShown;
      d.open = i < this.hintsShown;
    });
    this.updateHintButton();
  }

  private nextHint(): void {
    const hints = this.hintDetails();
    if (this.hintsShown >= hints.length) return;
    const d = hints[this.hintsShown++];
    d.hidden = false;
    d.open = true;
    setHints(this.exerciseId, this.hintsShown);
    this.updateHintButton();
    d.querySelector("summary")?.focus();
  }

  private updateHintButton(): void {
    const b = this.querySelector<HTMLButtonElement>("[data-action=next-hint]");
    if (!b) return;
    const total = this.hintDetails().length;
    b.hidden = this.hintsShown >= total;
    b.textContent = this.hintsShown === 0 ? `Show a hint (${total} in all)` : `Show hint ${this.hintsShown + 1} of ${total}`;
  }

  // ---- solution ----------------------------------------------------------

  private toggleSolution(button: HTMLButtonElement): void {
    const box = this.piece("solution");
    const open = box.hidden;
    box.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
    button.textContent = open ? "Hide the solution" : "Show the solution";
    if (open) this.renderDiff();
  }

  /** The learner's code now beside the solution, line by line. */
  private renderDiff(): void {
    const solution = this.piece<HTMLTemplateElement>("solution-source").content.textContent ?? "";
    const rows = diffLines(this.pg.source, solution);
    const table = el("table", "al-ex-diff-table");
    const caption = el("caption", "", changes(rows) === 0 ? "Your code is the solution, line for line." : `${changes(rows)} ${changes(rows) === 1 ? "line differs" : "lines differ"}: − only in your code, + only in the solution.`);
    const head = el("tr");
    head.append(el("th", "", "Your code"), el("th", "", "Solution"));
    head.querySelectorAll("th").forEach((th) => th.setAttribute("scope", "col"));
    table.append(caption, el("thead"), el("tbody"));
    table.tHead!.append(head);
    for (const r of rows) {
      const tr = el("tr", `al-diff-${r.kind}`);
      const cell = (text: string | null, sign: string) => {
        const td = el("td");
        if (text === null) {
          td.className = "al-diff-empty";
          return td;
        }
        td.append(el("span", "al-diff-sign", sign), el("code", "", text));
        return td;
      };
      const left = r.kind === "added" ? null : r.left;
      const right = r.kind === "removed" ? null : r.right;
      tr.append(cell(left, r.kind === "same" ? " " : "−"), cell(right, r.kind === "same" ? " " : "+"));
      table.tBodies[0].append(tr);
    }
    const wrap = this.piece("diff");
    wrap.tabIndex = 0;
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", "Your code beside the solution");
    wrap.replaceChildren(table);
  }
}

if (!customElements.get("al-exercise")) customElements.define("al-exercise", ExerciseElement);
