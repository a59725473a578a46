/**
 * The output panel: printed lines with their virtual time and the task that
 * printed them, warnings and errors set apart, and a Python traceback for
 * an uncaught error with a button that shows its line in the code.
 *
 * Everything learner code produced is inserted with `textContent`: printed
 * `<img onerror=...>` is text, never HTML.
 */
import type { OutputItem, SnippetError } from "../../sandbox/run.ts";
import { el } from "../dom.ts";

/** One displayed line. */
export interface OutputLine {
  readonly time: number;
  readonly task: string | null;
  readonly stream: OutputItem["stream"];
  text: string;
  /** Index of the output item that started the line (its order among outputs). */
  readonly index: number;
}

/** Cuts output items into lines; a `print(..., { end: "" })` continues the line. */
export function toLines(items: readonly OutputItem[]): OutputLine[] {
  const lines: OutputLine[] = [];
  let open: OutputLine | null = null;
  items.forEach((item, index) => {
    if (item.notice !== undefined || item.stream === "warning") {
      open = null;
      lines.push({ time: item.time, task: item.task ?? null, stream: "warning", text: item.text.replace(/\n$/, ""), index });
      return;
    }
    const parts = item.text.split("\n");
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      if (last && part === "") return;
      if (open === null || open.stream !== item.stream) {
        open = { time: item.time, task: item.task ?? null, stream: item.stream, text: "", index };
        lines.push(open);
      }
      open.text += part;
      if (!last) open = null;
    });
  });
  return lines;
}


/** Renders lines into `list` (an `<ol>`), replacing its content. Returns the `<li>`s, in order. */
export function renderLines(list: HTMLElement, lines: readonly OutputLine[]): HTMLLIElement[] {
  const items = lines.map((line, i) => {
    const li = el("li", `al-out-line al-out-${line.stream}`);
    li.dataset.time = String(line.time);
    li.dataset.line = String(i);
    // The output item (= the n-th print event of the trace) that started this line.
    li.dataset.item = String(line.index);
    li.append(el("span", "al-out-time", line.time.toFixed(3)));
    li.append(el("span", "al-out-task", line.task ?? (line.stream === "warning" ? "warning" : "")));
    li.append(el("span", "al-out-text", line.text));
    return li;
  });
  list.replaceChildren(...items);
  return items;
}

/** A type error to show before the run's output. */
export interface TypeProblemLine {
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly code: number;
}

/**
 * Puts type errors at the top of the output, as warnings: TypeScript's
 * number, a button that shows the line in the code, and the message. The
 * program still ran (types are checked in the editor, not by the runtime).
 */
export function prependTypeProblems(list: HTMLElement, problems: readonly TypeProblemLine[], showLine: (line: number, column: number) => void): void {
  const items = problems.map((p) => {
    const li = el("li", "al-out-line al-out-warning al-out-type");
    li.append(el("span", "al-out-time", `TS${p.code}`));
    const at = el("button", "al-out-task al-out-goto", `line ${p.line}`);
    at.type = "button";
    at.title = `Show line ${p.line} in the code`;
    at.addEventListener("click", () => showLine(p.line, p.column - 1));
    li.append(at, el("span", "al-out-text", `Type error: ${p.message}`));
    return li;
  });
  list.prepend(...items);
}

/** Renders an error: a title, the traceback, and a button per frame to show its line. */
export function renderError(box: HTMLElement, error: SnippetError, showLine: (line: number, column: number) => void): void {
  const title =
    error.kind === "compile"
      ? `${error.name} at line ${error.line}`
      : error.kind === "limit"
        ? "The run was stopped"
        : `${error.name}${error.line ? ` at line ${error.line}` : ""}`;
  const head = el("p", "al-err-title", title);
  const pre = el("pre", "al-err-text", error.text);
  box.replaceChildren(head, pre);
  if (error.line > 0) {
    const btn = el("button", "al-btn al-btn-small", `Show line ${error.line}`);
    btn.type = "button";
    btn.addEventListener("click", () => showLine(error.line, error.column));
    box.append(btn);
  }
  box.hidden = false;
}
