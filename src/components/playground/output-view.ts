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


/**
 * The page's work for output is bounded by lines, not only by characters:
 * a print of 100,000 newlines is 100,000 list items for the page (and for
 * every script that watches the page for new elements). Beyond these, the
 * middle of the output is left out with a notice saying so, and the whole
 * of it can be downloaded.
 */
export const SHOWN_HEAD = 1500;
export const SHOWN_TAIL = 500;
/** Characters shown of one line (a line of a million characters would freeze the layout). */
export const SHOWN_LINE_CHARS = 5000;

/**
 * Renders lines into `list` (an `<ol>`), replacing its content, at most
 * SHOWN_HEAD + SHOWN_TAIL of them (see above). Returns the lines' `<li>`s,
 * in order; the notice between them is not one of them.
 */
export function renderLines(list: HTMLElement, lines: readonly OutputLine[], download?: () => void): HTMLLIElement[] {
  const items: HTMLLIElement[] = [];
  const out = document.createDocumentFragment();
  const cut = lines.length > SHOWN_HEAD + SHOWN_TAIL;
  const add = (i: number) => {
    const li = lineItem(lines[i], i);
    items.push(li);
    out.append(li);
  };
  // Plain loops: nothing here spreads or recurses over the lines.
  for (let i = 0; i < (cut ? SHOWN_HEAD : lines.length); i++) add(i);
  if (cut) {
    const skipped = lines.length - SHOWN_HEAD - SHOWN_TAIL;
    const notice = el("li", "al-out-cut");
    notice.append(el("span", "", `… ${skipped.toLocaleString("en-US")} lines not shown. The page shows the first ${SHOWN_HEAD.toLocaleString("en-US")} and the last ${SHOWN_TAIL.toLocaleString("en-US")} of ${lines.length.toLocaleString("en-US")} lines.`));
    if (download) {
      const b = el("button", "al-btn al-btn-small", "Download all the output");
      b.type = "button";
      b.addEventListener("click", download);
      notice.append(" ", b);
    }
    out.append(notice);
    for (let i = lines.length - SHOWN_TAIL; i < lines.length; i++) add(i);
  }
  list.replaceChildren(out);
  return items;
}

function lineItem(line: OutputLine, i: number): HTMLLIElement {
  const li = el("li", `al-out-line al-out-${line.stream}`);
  li.dataset.time = String(line.time);
  li.dataset.line = String(i);
  // The output item (= the n-th print event of the trace) that started this line.
  li.dataset.item = String(line.index);
  li.append(el("span", "al-out-time", line.time.toFixed(3)));
  li.append(el("span", "al-out-task", line.task ?? (line.stream === "warning" ? "warning" : "")));
  const long = line.text.length > SHOWN_LINE_CHARS;
  li.append(el("span", "al-out-text", long ? line.text.slice(0, SHOWN_LINE_CHARS) : line.text));
  if (long) li.append(el("span", "al-out-more", ` … (${(line.text.length - SHOWN_LINE_CHARS).toLocaleString("en-US")} more characters on this line)`));
  return li;
}

/** All of a run's output as text (warnings included), for the download. */
export function outputText(lines: readonly OutputLine[]): string {
  const parts: string[] = [];
  for (const l of lines) parts.push(l.stream === "warning" ? `[warning] ${l.text}` : l.text);
  return `${parts.join("\n")}\n`;
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
