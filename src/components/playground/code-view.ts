/**
 * The code part of a playground, in three states:
 *
 * - the lesson's code as Expressive Code rendered it at build time (first
 *   paint, no script needed);
 * - other code (a saved edit, a shared link) as plain text until the editor
 *   is asked for;
 * - the Monaco editor, loaded on the first Edit (or a click in the code).
 *
 * Lines can be marked (an error, the event under the timeline's playhead)
 * in all three.
 */
import type { EditorHandle, TypeProblem } from "./editor.ts";

interface Callbacks {
  onChange(value: string): void;
  onRun(): void;
}

export type MarkKind = "error" | "current";

export class CodeView {
  private readonly staticView: HTMLElement;
  private readonly plain: HTMLPreElement;
  private readonly editorHost: HTMLElement;
  private readonly root: HTMLElement;
  private current: string;
  private editor: EditorHandle | null = null;
  private loading: Promise<void> | null = null;
  private readonly original: string;
  private readonly callbacks: Callbacks;

  constructor(root: HTMLElement, original: string, callbacks: Callbacks) {
    this.root = root;
    this.staticView = root.querySelector("[data-role=static]") as HTMLElement;
    this.plain = root.querySelector("pre[data-role=plain]") as HTMLPreElement;
    this.editorHost = root.querySelector("[data-role=editor]") as HTMLElement;
    this.original = original;
    this.current = original;
    this.callbacks = callbacks;
    // A click into the code is a wish to edit it, there: the editor opens
    // with the cursor where the learner clicked (a drag that selects text
    // is left alone, so code can still be copied without the editor).
    root.addEventListener("click", (e) => {
      if (this.editor || e.button !== 0 || (e.target as Element).closest("button, a")) return;
      const selection = getSelection();
      if (selection && !selection.isCollapsed && root.contains(selection.anchorNode)) return;
      void this.openEditor(this.positionAt(e.clientX, e.clientY));
    });
    // From the keyboard: the code is one focus stop; Enter opens the editor.
    root.addEventListener("keydown", (e) => {
      if (this.editor || e.key !== "Enter" || e.ctrlKey || e.metaKey || e.altKey || e.target !== root) return;
      e.preventDefault();
      void this.openEditor();
    });
  }

  /** Line and column (1-based) of the code under a point, or null. */
  private positionAt(x: number, y: number): { line: number; column: number } | null {
    const doc = document as Document & { caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null };
    let node: Node | null = null;
    let offset = 0;
    const pos = doc.caretPositionFromPoint?.(x, y);
    if (pos) ({ offsetNode: node, offset } = pos);
    else {
      const range = document.caretRangeFromPoint?.(x, y);
      if (range) ({ startContainer: node, startOffset: offset } = range);
    }
    if (!node) return null;
    const lines = this.visibleLines();
    const lineEl = (node instanceof Element ? node : node.parentElement)?.closest<HTMLElement>(".ec-line, .al-plain-line");
    const index = lineEl ? lines.indexOf(lineEl) : -1;
    if (!lineEl || index < 0) return null;
    // Characters before the caret within the line's own text.
    let column = 1;
    if (node.nodeType === Node.TEXT_NODE) {
      const walker = document.createTreeWalker(lineEl.querySelector(".code") ?? lineEl, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t !== null; t = walker.nextNode()) {
        if (t === node) {
          column += offset;
          break;
        }
        column += t.textContent?.length ?? 0;
      }
    }
    const text = this.current.split("\n")[index] ?? "";
    return { line: index + 1, column: Math.min(column, text.length + 1) };
  }

  /** The code shown now. */
  get value(): string {
    return this.editor ? this.editor.getValue() : this.current;
  }

  /** Shows `code` (without firing onChange). */
  show(code: string): void {
    this.current = code;
    if (this.editor) {
      this.editor.setValue(code);
      return;
    }
    const lesson = code === this.original;
    this.staticView.hidden = !lesson;
    this.plain.hidden = lesson;
    if (!lesson) {
      // One block per line (so lines can be marked); the text is the code minus its final newline.
      const lines = code.replace(/\n$/, "").split("\n");
      this.plain.replaceChildren(
        ...lines.map((line, i) => {
          const span = document.createElement("span");
          span.className = "al-plain-line";
          span.textContent = i < lines.length - 1 ? `${line}\n` : line;
          return span;
        }),
      );
    }
  }

  /** Type errors in the code as the editor sees them ([] until the editor is open). */
  async typeProblems(): Promise<TypeProblem[]> {
    return this.editor ? this.editor.typeProblems() : [];
  }

  /** Loads and shows the editor (once), its cursor at `at` if given. */
  openEditor(at: { line: number; column: number } | null = null): Promise<void> {
    this.loading ??= this.load(at);
    return this.loading;
  }

  private async load(at: { line: number; column: number } | null): Promise<void> {
    const status = document.createElement("p");
    status.className = "al-pg-loading";
    status.textContent = "Loading the editor… (you can already press Run)";
    this.editorHost.before(status);
    try {
      const { createEditor } = await import("./editor.ts");
      this.editorHost.hidden = false;
      this.editor = await createEditor(this.editorHost, {
        value: this.current,
        onChange: (v) => {
          this.current = v;
          this.callbacks.onChange(v);
        },
        onRun: () => this.callbacks.onRun(),
      });
      this.staticView.hidden = true;
      this.plain.hidden = true;
      this.root.removeAttribute("tabindex");
      this.root.removeAttribute("aria-label");
      this.root.removeAttribute("role");
      if (at) this.editor.setCursor(at.line, at.column);
      this.editor.focus();
    } catch (e) {
      this.editorHost.hidden = true;
      this.loading = null;
      status.textContent = `The editor could not load (${e instanceof Error ? e.message : String(e)}). Run still works; reload to try again.`;
      return;
    }
    status.remove();
  }

  /** Scrolls to and marks a line. */
  showLine(line: number, column: number, kind: MarkKind): void {
    if (this.editor) return this.editor.showLine(line, column, kind);
    const lines = this.visibleLines();
    for (const l of lines) l.classList.remove(`al-mark-${kind}`);
    const target = lines[line - 1];
    if (target) {
      target.classList.add(`al-mark-${kind}`);
      target.scrollIntoView({ block: "nearest" });
    }
  }

  /** Marks the line of an error (a squiggle and hover message in the editor). */
  markError(line: number, column: number, message: string): void {
    if (this.editor) this.editor.markError(line, column, message);
    else this.showLine(line, column, "error");
  }

  /** Marks the line under the timeline's playhead, or none. */
  markCurrent(line: number | null): void {
    if (this.editor) return this.editor.markCurrent(line);
    for (const l of this.visibleLines()) l.classList.remove("al-mark-current");
    if (line !== null) this.visibleLines()[line - 1]?.classList.add("al-mark-current");
  }

  clearMarks(): void {
    this.editor?.clearMarks();
    for (const l of this.visibleLines()) l.classList.remove("al-mark-error", "al-mark-current");
  }

  private visibleLines(): HTMLElement[] {
    const root = this.plain.hidden ? this.staticView : this.plain;
    return [...root.querySelectorAll<HTMLElement>(this.plain.hidden ? ".ec-line" : ".al-plain-line")];
  }
}
