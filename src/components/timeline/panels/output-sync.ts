/**
 * Keeps the output panel in step with the playhead. Which lines are shown
 * is not its business: the playground reveals them at their loop time
 * (output-reveal.ts), and a line once shown stays shown. Here: the line
 * the playhead last passed is `aria-current`, and once playback has ended
 * or the learner moved the playhead, the lines after it are dimmed
 * (`data-future`).
 *
 * Output line ↔ event: each `li` carries `data-item`, the index of the
 * output item that started it, and output item i is the i-th print event.
 */
export class OutputSync {
  private readonly lines: readonly HTMLLIElement[];
  /** Order of the print event that started each line. */
  private readonly orders: readonly number[];
  private revealed = false;
  private lastKey = "";
  /** What each line shows now: 0 as printed, 2 dimmed (so a frame touches only lines that change). */
  private state: Uint8Array;
  private currentLine = -1;

  constructor(lines: readonly HTMLLIElement[], printOrders: ArrayLike<number>) {
    this.lines = lines;
    this.orders = lines.map((li) => {
      const item = Number(li.dataset.item);
      return Number.isInteger(item) && item >= 0 && item < printOrders.length ? printOrders[item] : -1;
    });
    this.state = new Uint8Array(lines.length);
  }

  /** Order of the event behind a line (-1: unknown). */
  orderOf(li: HTMLLIElement): number {
    const i = this.lines.indexOf(li);
    return i < 0 ? -1 : this.orders[i];
  }

  /** All lines for good (playback ended or was skipped). */
  revealAll(): void {
    this.revealed = true;
    this.lastKey = "";
  }

  get isRevealed(): boolean {
    return this.revealed;
  }

  /** Shows the output as of the event at `order`. */
  update(order: number): void {
    let current = -1;
    for (let i = 0; i < this.lines.length; i++) if (this.orders[i] <= order) current = i;
    const key = `${this.revealed}:${current}:${order}`;
    if (key === this.lastKey) return;
    this.lastKey = key;
    for (let i = 0; i < this.lines.length; i++) {
      const st = this.orders[i] > order && this.revealed ? 2 : 0;
      if (st === this.state[i]) continue;
      this.state[i] = st;
      this.lines[i].toggleAttribute("data-future", st === 2);
    }
    if (current === this.currentLine) return;
    this.lines[this.currentLine]?.removeAttribute("aria-current");
    this.lines[current]?.setAttribute("aria-current", "true");
    this.currentLine = current;
    // Scroll the panel only when the current line changes: reading its geometry forces a layout.
    if (current >= 0) {
      const li = this.lines[current];
      const box = li.parentElement;
      if (box && box.scrollHeight > box.clientHeight) {
        const top = li.offsetTop - box.offsetTop;
        if (top < box.scrollTop || top > box.scrollTop + box.clientHeight - li.offsetHeight) box.scrollTop = top - box.clientHeight / 2;
      }
    }
  }

  /** Leaves the lines as the output panel drew them. */
  clear(): void {
    this.state.fill(0);
    this.currentLine = -1;
    for (const li of this.lines) {
      li.removeAttribute("data-future");
      li.removeAttribute("aria-current");
    }
  }
}
