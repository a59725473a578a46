/**
 * The same events as a table, for screen readers and keyboard users: one
 * row per event (time, who, what, details, line), the row at the playhead
 * marked `aria-current`. Each row's number is a button that moves the
 * playhead there; ↑/↓ move between rows (one tab stop for the table).
 *
 * Long runs show a window of rows around the playhead, with buttons for
 * earlier and later ones: a 150,000-row table would freeze the page.
 */
import { describe } from "../describe.ts";
import type { TimelineModel } from "../model/model.ts";
import { fmtCount } from "../scale.ts";
import { el } from "../../dom.ts";

/** Rows shown at once. */
export const TABLE_WINDOW = 500;
/** Shortest time between two rebuilds of the window while the playhead runs ahead of it. */
const REWINDOW_MS = 400;
/** Shortest time between two scrolls that follow the playhead. */
const FOLLOW_MS = 200;

/**
 * `fn` called at once if it last ran `ms` ago or more, else once when that
 * time is up (however many calls came in between).
 */
function throttle(ms: number, fn: () => void): () => void {
  let last = -Infinity;
  let timer = 0;
  const run = () => {
    timer = 0;
    last = performance.now();
    fn();
  };
  return () => {
    const wait = last + ms - performance.now();
    if (wait <= 0) run();
    else timer ||= window.setTimeout(run, wait);
  };
}


export class TableView {
  readonly root: HTMLElement;
  private readonly table: HTMLTableElement;
  private readonly caption: HTMLTableCaptionElement;
  private readonly body: HTMLTableSectionElement;
  private readonly earlier: HTMLButtonElement;
  private readonly later: HTMLButtonElement;
  private model: TimelineModel | null = null;
  private from = 0;
  private to = 0;
  private current = -1;
  /** The row marked current, if it is in the window. */
  private currentRow: HTMLTableRowElement | null = null;
  /**
   * Playback can carry the playhead past hundreds of rows a frame: the
   * window follows it at most every `REWINDOW_MS`, and the scroll every
   * `FOLLOW_MS` (reading a row's position lays out the 500-row table and the
   * page), or a long run played with the table open would crawl.
   */
  private readonly rewindow = throttle(REWINDOW_MS, () => {
    if (this.visible) this.ensure(Math.max(0, this.current));
  });
  private readonly follow = throttle(FOLLOW_MS, () => this.scrollToCurrent());
  private readonly onSeek: (order: number) => void;

  constructor(onSeek: (order: number) => void) {
    this.onSeek = onSeek;
    this.root = el("div", "al-tl-table");
    this.root.hidden = true;
    this.table = el("table");
    this.caption = el("caption");
    const head = el("thead");
    const hr = el("tr");
    for (const h of ["#", "Time (s)", "Task or lane", "Event", "Details", "Line"]) {
      const th = el("th", "", h);
      th.scope = "col";
      hr.append(th);
    }
    head.append(hr);
    this.body = el("tbody");
    this.table.append(this.caption, head, this.body);
    this.earlier = el("button", "al-btn al-btn-small", "Show earlier events");
    this.later = el("button", "al-btn al-btn-small", "Show later events");
    this.earlier.type = this.later.type = "button";
    this.earlier.addEventListener("click", () => this.shift(-TABLE_WINDOW));
    this.later.addEventListener("click", () => this.shift(TABLE_WINDOW));
    this.root.append(this.earlier, this.table, this.later);
    this.body.addEventListener("click", (e) => {
      const b = (e.target as Element).closest<HTMLButtonElement>("button[data-order]");
      if (b) this.onSeek(Number(b.dataset.order));
    });
    this.body.addEventListener("keydown", (e) => {
      const b = (e.target as Element).closest<HTMLButtonElement>("button[data-order]");
      if (!b || !this.model) return;
      const k = Number(b.dataset.order);
      const step = e.key === "ArrowDown" ? 1 : e.key === "ArrowUp" ? -1 : e.key === "PageDown" ? 20 : e.key === "PageUp" ? -20 : 0;
      if (step === 0) return;
      e.preventDefault();
      e.stopPropagation();
      const target = Math.max(0, Math.min(this.model.count - 1, k + step));
      this.onSeek(target);
      this.focusRow(target);
    });
  }

  get visible(): boolean {
    return !this.root.hidden;
  }

  setModel(model: TimelineModel, what: string): void {
    this.model = model;
    const n = model.count;
    this.caption.textContent = `${what}: ${fmtCount(n)} events in the order they happened${n > TABLE_WINDOW ? `, ${TABLE_WINDOW} at a time` : ""}. Activate an event's number to move the playhead there.`;
    this.from = this.to = 0;
    this.current = -1;
    this.currentRow = null;
    this.body.replaceChildren();
    if (this.visible) this.ensure(0);
  }

  show(on: boolean): void {
    this.root.hidden = !on;
    if (on) this.ensure(Math.max(0, this.current));
  }

  /** Marks the row of `order`, bringing it into the window (throttled: see `rewindow`). */
  setCurrent(order: number): void {
    this.current = order;
    if (!this.visible || !this.model) return;
    if (this.inWindow(Math.max(0, order))) this.mark(order);
    else this.rewindow();
  }

  private inWindow(order: number): boolean {
    return this.to > this.from && order >= this.from && order < this.to;
  }

  /** Moves `aria-current` (and the table's one tab stop) to the row of `order`. */
  private mark(order: number): void {
    const tr = this.row(order);
    if (tr === this.currentRow && tr) return;
    if (this.currentRow) {
      this.currentRow.removeAttribute("aria-current");
      this.currentRow.querySelector("button")?.setAttribute("tabindex", "-1");
    }
    this.currentRow = tr;
    if (tr) {
      tr.setAttribute("aria-current", "true");
      tr.querySelector("button")?.setAttribute("tabindex", "0");
      this.follow();
    } else this.body.querySelector("button")?.setAttribute("tabindex", "0");
  }

  /** Scrolls the current row into view if it is out of it. */
  private scrollToCurrent(): void {
    const tr = this.currentRow;
    if (!tr) return;
    const box = this.root;
    const top = tr.offsetTop - box.scrollTop;
    if (top < 30 || top > box.clientHeight - 30) box.scrollTop = tr.offsetTop - box.clientHeight / 2;
  }

  private row(order: number): HTMLTableRowElement | null {
    if (order < this.from || order >= this.to) return null;
    return this.body.children[order - this.from] as HTMLTableRowElement;
  }

  private focusRow(order: number): void {
    this.ensure(order);
    this.row(order)?.querySelector("button")?.focus();
  }

  private shift(by: number): void {
    if (!this.model) return;
    const n = this.model.count;
    const from = Math.max(0, Math.min(n - TABLE_WINDOW, this.from + by));
    this.render(from);
  }

  private ensure(order: number): void {
    if (!this.model || this.inWindow(order)) return;
    const n = this.model.count;
    this.render(Math.max(0, Math.min(n - TABLE_WINDOW, order - Math.floor(TABLE_WINDOW / 5))));
  }

  private render(from: number): void {
    const model = this.model;
    if (!model) return;
    const n = model.count;
    this.from = Math.max(0, from);
    this.to = Math.min(n, this.from + TABLE_WINDOW);
    const rows: HTMLTableRowElement[] = [];
    for (let k = this.from; k < this.to; k++) {
      const d = describe(model, k);
      const tr = el("tr");
      const th = el("th");
      th.scope = "row";
      const b = el("button", "al-tl-row-btn", String(k + 1));
      b.type = "button";
      b.dataset.order = String(k);
      b.tabIndex = -1;
      th.append(b);
      const line = model.lines[k];
      tr.append(th, el("td", "al-tl-num", model.t(k).toFixed(3)), el("td", "", d.who), el("td", "", d.what), el("td", "al-tl-detail", d.detail), el("td", "al-tl-num", line > 0 ? String(line) : ""));
      rows.push(tr);
    }
    this.body.replaceChildren(...rows);
    this.currentRow = null;
    this.earlier.hidden = this.from === 0;
    this.later.hidden = this.to >= n;
    this.mark(this.current);
  }
}
