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
export function toLines(items: readonly OutputItem[]): readonly OutputLine[] {
  return cutLines(items, Infinity, 0).lines;
}

/** Lines of output as the panel shows them: the first and last ones, and how many there are in all. */
export interface CutLines {
  /** The lines kept: the first `head`, then (if there are more) the last `tail`. */
  readonly lines: readonly OutputLine[];
  /** Lines in all. */
  readonly total: number;
  /** Index in `lines` where the ones left out would be (-1: none left out). */
  readonly cutAt: number;
}

/**
 * The first `head` and last `tail` lines of the output, in work that does
 * not grow with the lines left out: a print of 100,000 newlines is counted,
 * not split into 100,000 strings and objects (that took 300 ms of the
 * page's thread). Two passes over the items: count, then keep.
 */
export function cutLines(items: readonly OutputItem[], head: number, tail: number): CutLines {
  const total = walkLines(items, () => false);
  const keep = total <= head + tail ? () => true : (n: number) => n < head || n >= total - tail;
  const lines: OutputLine[] = [];
  walkLines(items, keep, lines);
  return { lines, total, cutAt: total <= head + tail ? -1 : head };
}

/**
 * Walks the output's lines in order (a line continues across items of one
 * stream until a newline; a warning is a line of its own), building those
 * `keep` says yes to into `out`. Returns the number of lines.
 */
function walkLines(items: readonly OutputItem[], keep: (n: number) => boolean, out?: OutputLine[]): number {
  let n = 0;
  // The line not ended by a newline yet (its stream), and its object if it is kept.
  let openStream: OutputItem["stream"] | null = null;
  let openLine: OutputLine | null = null;
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    if (item.notice !== undefined || item.stream === "warning") {
      openStream = null;
      openLine = null;
      if (out && keep(n)) out.push({ time: item.time, task: item.task ?? null, stream: "warning", text: item.text.replace(/\n$/, ""), index });
      n++;
      continue;
    }
    const text = item.text;
    let pos = 0;
    for (;;) {
      const nl = text.indexOf("\n", pos);
      if (nl < 0 && pos === text.length) break; // nothing after the last newline
      if (openStream !== item.stream) {
        const no = n++;
        openStream = item.stream;
        openLine = out && keep(no) ? { time: item.time, task: item.task ?? null, stream: item.stream, text: "", index } : null;
        if (openLine) out!.push(openLine);
      }
      // Text is cut out only for lines that are kept.
      if (openLine) openLine.text += text.slice(pos, nl < 0 ? text.length : nl);
      if (nl < 0) break;
      openStream = null;
      openLine = null;
      pos = nl + 1;
    }
  }
  return n;
}

/**
 * The page's work for output is bounded by lines, not only by characters:
 * a print of 100,000 newlines is 100,000 list items for the page (and for
 * every script that watches the page for new elements). Beyond these, the
 * middle of the output is left out with a notice saying so, and the whole
 * of it can be downloaded.
 */
export const SHOWN_HEAD = 800;
export const SHOWN_TAIL = 200;
/** Characters shown of one line (a line of a million characters would freeze the layout). */
export const SHOWN_LINE_CHARS = 5000;

/**
 * Renders a run's output into `list` (an `<ol>`), replacing its content, at
 * most SHOWN_HEAD + SHOWN_TAIL lines of it (see above). Returns the lines'
 * `<li>`s, in order; the notice between them is not one of them.
 */
export function renderLines(list: HTMLElement, items: readonly OutputItem[], download?: () => void): HTMLLIElement[] {
  const { lines, total, cutAt } = cutLines(items, SHOWN_HEAD, SHOWN_TAIL);
  const shown: HTMLLIElement[] = [];
  const out = document.createDocumentFragment();
  // Plain loops: nothing here spreads or recurses over the lines.
  for (let k = 0; k < lines.length; k++) {
    if (k === cutAt) out.append(cutNotice(total, download));
    // Its number among all the lines (the ones after the cut are the last ones).
    const no = cutAt < 0 || k < cutAt ? k : total - (lines.length - k);
    const li = lineItem(lines[k], no);
    shown.push(li);
    out.append(li);
  }
  list.replaceChildren(out);
  return shown;
}

function cutNotice(total: number, download?: () => void): HTMLLIElement {
  const skipped = total - SHOWN_HEAD - SHOWN_TAIL;
  const notice = el("li", "al-out-cut al-notice");
  notice.append(el("span", "", `… ${skipped.toLocaleString("en-US")} lines not shown. The page shows the first ${SHOWN_HEAD.toLocaleString("en-US")} and the last ${SHOWN_TAIL.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} lines.`));
  if (download) {
    const b = el("button", "al-btn al-btn-small", "Download all the output");
    b.type = "button";
    b.addEventListener("click", download);
    notice.append(" ", b);
  }
  return notice;
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
export function outputText(items: readonly OutputItem[]): string {
  const parts: string[] = [];
  for (const l of toLines(items)) parts.push(l.stream === "warning" ? `[warning] ${l.text}` : l.text);
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
