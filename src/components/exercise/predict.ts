/**
 * "Predict first": the question an exercise asks before its first run, and
 * the prediction judged against what the run did.
 *
 * - Order: the learner puts the program's lines in the order they think
 *   they print (Move up / Move down, keyboard and touch alike; the list
 *   starts shuffled), and picks each line's loop time if asked. The run is
 *   the answer: each line is compared with where and when it was printed.
 * - Choice: one option; after the run, right or wrong and why.
 *
 * A locked prediction is kept with the learner's progress, so a reload
 * shows it, judged again by the next run.
 */
import type { Prediction as PredictionSpec } from "../../checks/index.ts";
import { el } from "../dom.ts";
import type { Prediction } from "./progress.ts";

/** A printed line of the run, as the judge compares it. */
export interface RunLine {
  readonly text: string;
  readonly time: number;
}

const fmt = (t: number) => `${Number.isInteger(t) ? t : Number(t.toFixed(3))} s`;

/** A fixed shuffle of `n` items from a seed, never the identity (the answer is not handed out). */
export function shuffled<T>(items: readonly T[], seed: string): T[] {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    h = Math.imul(h ^ (h >>> 15), 2246822507) >>> 0;
    const j = h % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  if (out.length > 1 && out.every((x, i) => x === items[i])) out.push(out.shift() as T);
  return out;
}

export class PredictPanel {
  private readonly root: HTMLElement;
  private readonly spec: PredictionSpec;
  private readonly id: string;
  private locked: Prediction | null;
  private readonly result: HTMLElement;
  private readonly onChange: (p: Prediction) => void;

  constructor(root: HTMLElement, id: string, spec: PredictionSpec, saved: Prediction | undefined, onChange: (p: Prediction) => void) {
    this.root = root;
    this.onChange = onChange;
    this.id = id;
    this.spec = spec;
    this.locked = saved ?? null;
    this.result = root.querySelector("[data-role=prediction-result]") as HTMLElement;
    if (spec.kind === "order") this.enhanceOrder(saved);
    else if (saved?.choice !== undefined) {
      const input = root.querySelector<HTMLInputElement>(`input[value="${saved.choice}"]`);
      if (input) input.checked = true;
    }
    root.addEventListener("click", (e) => this.onClick(e));
    if (this.locked) this.lock(this.locked, false);
  }

  /** True until the learner locks a prediction in or skips it. */
  get pending(): boolean {
    return this.locked === null;
  }

  /** Puts the first thing to answer in focus (the learner tried to run first). */
  focus(): void {
    this.root.querySelector<HTMLElement>("input:not(:disabled), select:not(:disabled), button:not(:disabled)")?.focus();
  }

  /** Reads the prediction now on screen; a message if it is not complete. */
  private read(): Prediction | string {
    if (this.spec.kind === "choice") {
      const picked = this.root.querySelector<HTMLInputElement>("input[type=radio]:checked");
      return picked ? { choice: Number(picked.value) } : "Pick one answer first.";
    }
    const items = this.orderItems();
    const order = items.map((li) => li.dataset.line ?? "");
    if (!this.spec.times) return { order };
    const times = items.map((li) => {
      const v = li.querySelector("select")?.value ?? "";
      return v === "" ? null : Number(v);
    });
    if (times.some((t) => t === null)) return "Pick a time for every line first.";
    return { order, times };
  }

  /** Locks the prediction in (if complete): true when the run may go ahead. */
  tryLock(): boolean {
    const p = this.read();
    if (typeof p === "string") {
      this.say(p, "warning");
      return false;
    }
    this.lock(p, true);
    return true;
  }

  /** The learner declines to predict: their next run just shows the answer. */
  decline(): void {
    this.lock({ skipped: true }, true);
    this.say("Prediction skipped. The run will show you the answer.", "info");
  }

  private lock(p: Prediction, save: boolean): void {
    this.locked = p;
    for (const c of this.root.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>("input, select, .al-ex-order button")) c.disabled = true;
    for (const b of this.root.querySelectorAll<HTMLButtonElement>("[data-action=lock-prediction], [data-action=skip-prediction]")) b.hidden = true;
    this.root.classList.add("al-ex-predict-locked");
    if (save) this.onChange(p);
    if (!p.skipped) this.say("Prediction locked in. Run the program to see how it compares.", "info");
  }

  /** Compares the locked prediction with a run's printed lines. */
  judge(lines: readonly RunLine[]): void {
    const p = this.locked;
    if (!p || p.skipped) return;
    if (this.spec.kind === "choice") {
      const right = p.choice === this.spec.answer;
      const picked = this.spec.options[p.choice ?? -1] ?? "nothing";
      this.show(right ? "✓ Right." : `✗ Not quite: you picked “${picked}”.`, right, `The answer: ${this.spec.options[this.spec.answer]}. ${this.spec.explain}`);
      return;
    }
    const order = p.order ?? [];
    const actual = lines.map((l) => l.text).filter((t) => this.spec.kind === "order" && this.spec.lines.includes(t));
    let placed = 0;
    let timed = 0;
    const items = this.orderItems();
    order.forEach((line, i) => {
      const at = actual.indexOf(line);
      const when = lines.find((l) => l.text === line)?.time;
      const placeOk = at === i;
      const timeOk = p.times ? when !== undefined && p.times[i] !== null && Math.abs((p.times[i] ?? NaN) - when) < 1e-6 : true;
      if (placeOk) placed++;
      if (timeOk) timed++;
      const li = items.find((x) => x.dataset.line === line);
      if (!li) return;
      li.dataset.verdict = placeOk && timeOk ? "right" : "wrong";
      li.querySelector(".al-ex-order-verdict")?.remove();
      const actualText = at < 0 ? "not printed" : `printed ${ordinal(at + 1)}${when !== undefined ? ` at ${fmt(when)}` : ""}`;
      li.append(el("span", "al-ex-order-verdict", `${placeOk && timeOk ? "✓" : "✗"} ${actualText}`));
    });
    const all = placed === order.length && timed === order.length;
    const parts = [`${placed} of ${order.length} lines in the right place`];
    if (p.times) parts.push(`${timed} of ${order.length} times right`);
    this.show(all ? "✓ Exactly right." : `✗ ${parts.join("; ")}.`, all, all ? "You followed the event loop step by step." : "Follow the timeline: each line appears when its task runs, and a task runs only when the one before it awaits.");
  }

  private show(title: string, right: boolean, detail: string): void {
    this.result.hidden = false;
    this.result.dataset.kind = right ? "right" : "wrong";
    this.result.replaceChildren(el("p", "al-ex-verdict-title", title), el("p", "", detail));
  }

  private say(text: string, kind: "warning" | "info"): void {
    this.result.hidden = false;
    this.result.dataset.kind = kind;
    this.result.replaceChildren(el("p", "", text));
  }

  // ---- order -------------------------------------------------------------

  private orderItems(): HTMLLIElement[] {
    return [...this.root.querySelectorAll<HTMLLIElement>(".al-ex-order-item")];
  }

  private enhanceOrder(saved: Prediction | undefined): void {
    const spec = this.spec;
    if (spec.kind !== "order") return;
    const list = this.root.querySelector("[data-role=order]") as HTMLOListElement;
    const byLine = new Map(this.orderItems().map((li) => [li.dataset.line ?? "", li]));
    const start = saved?.order && saved.order.every((l) => byLine.has(l)) && saved.order.length === byLine.size ? saved.order : shuffled(spec.lines, this.id);
    list.replaceChildren(...start.map((line) => byLine.get(line) as HTMLLIElement));
    for (const li of this.orderItems()) {
      const text = li.dataset.line ?? "";
      const controls = el("span", "al-ex-order-controls");
      if (spec.times) {
        const select = el("select", "al-ex-time");
        select.setAttribute("aria-label", `Loop time of “${text}”`);
        select.append(new Option("time?", ""));
        for (const t of spec.times) select.append(new Option(fmt(t), String(t)));
        const savedTime = saved?.times?.[saved.order?.indexOf(text) ?? -1];
        if (savedTime !== undefined && savedTime !== null) select.value = String(savedTime);
        controls.append(select);
      }
      const up = el("button", "al-btn al-btn-small", "↑");
      up.type = "button";
      up.dataset.move = "-1";
      up.setAttribute("aria-label", `Move “${text}” up`);
      const down = el("button", "al-btn al-btn-small", "↓");
      down.type = "button";
      down.dataset.move = "1";
      down.setAttribute("aria-label", `Move “${text}” down`);
      controls.append(up, down);
      li.append(controls);
    }
    this.syncMoveButtons();
  }

  private onClick(e: MouseEvent): void {
    const b = (e.target as Element).closest<HTMLButtonElement>("button[data-move]");
    if (!b || b.disabled) return;
    const li = b.closest("li") as HTMLLIElement;
    const d = Number(b.dataset.move);
    const sibling = d < 0 ? li.previousElementSibling : li.nextElementSibling;
    if (!sibling) return;
    if (d < 0) sibling.before(li);
    else sibling.after(li);
    this.syncMoveButtons();
    // Keep the focus on the moved line's button (or its other one at an end of the list).
    const same = li.querySelector<HTMLButtonElement>(`button[data-move="${d}"]`);
    (same && !same.disabled ? same : li.querySelector<HTMLButtonElement>(`button[data-move="${-d}"]`))?.focus();
    const pos = this.orderItems().indexOf(li) + 1;
    this.say(`“${li.dataset.line}” is now ${ordinal(pos)}.`, "info");
  }

  private syncMoveButtons(): void {
    const items = this.orderItems();
    items.forEach((li, i) => {
      const up = li.querySelector<HTMLButtonElement>('button[data-move="-1"]');
      const down = li.querySelector<HTMLButtonElement>('button[data-move="1"]');
      if (up && !this.locked) up.disabled = i === 0;
      if (down && !this.locked) down.disabled = i === items.length - 1;
    });
  }
}

function ordinal(n: number): string {
  const words = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
  return words[n - 1] ?? `number ${n}`;
}
