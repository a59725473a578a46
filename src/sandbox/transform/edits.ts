/**
 * An edit list over the learner's text: the transform never builds a new AST
 * and prints it (that would lose the learner's layout and every position);
 * it records insertions, replacements and blankings against the original
 * text and applies them in one pass, which also yields the position map.
 *
 * Invariant: the output has exactly the source's line breaks. Replacement
 * text never contains a line break and a replaced range that spans lines
 * keeps its breaks, so line N of the output is line N of the source and only
 * columns move.
 */
import { LINE_BREAK, type SourceText } from "./source-text.ts";

/** Maps a position in the generated code back to the learner's source. */
export interface PositionMap {
  /** `line` is 1-based and the same in both texts; `column` is 0-based. Text the compiler inserted maps to where it was inserted. */
  toSource(line: number, column: number): { line: number; column: number };
}

/**
 * Where an insertion sits relative to others at the same offset. Several
 * nodes can open or close at one offset (`(yield` of an await that starts a
 * statement after that statement's line marker; an await's `)` before the
 * `; }.call(this)` of the arrow whose body it is), so: everything that
 * closes comes first, innermost (deepest) first; then everything that
 * opens, outermost first; then a replacement that starts there.
 */
export type Side = "open" | "close";

interface Edit {
  start: number;
  end: number;
  text: string;
  /** 0 close, 1 open, 2 replacement: the order of edits at one offset. */
  group: number;
  depth: number;
  seq: number;
  /** Same-length blanking: columns are unchanged, so it maps like copied text. */
  blank: boolean;
}

const NOT_LINE_BREAK = /[^\r\n\u2028\u2029]/g;

export class EditList {
  private readonly edits: Edit[] = [];
  private readonly source: SourceText;

  constructor(source: SourceText) {
    this.source = source;
  }

  /** Insert `text` (no line breaks) at `pos`. */
  insert(pos: number, text: string, side: Side, depth: number): void {
    this.edits.push({ start: pos, end: pos, text, group: side === "close" ? 0 : 1, depth, seq: this.edits.length, blank: false });
  }

  /**
   * Replace [start, end) with `text` (no line breaks). If the range spans
   * lines, the text goes where the range starts and the rest is blanked, so
   * line breaks survive.
   */
  replace(start: number, end: number, text: string): void {
    const m = /[\r\n\u2028\u2029]/.exec(this.source.text.slice(start, end));
    const cut = m ? start + m.index : end;
    this.edits.push({ start, end: cut, text, group: 2, depth: 0, seq: this.edits.length, blank: false });
    if (cut < end) this.blank(cut, end);
  }

  /** Replace [start, end) with spaces, keeping line breaks: how type-only text disappears. */
  blank(start: number, end: number): void {
    if (start >= end) return;
    const text = this.source.text.slice(start, end).replace(NOT_LINE_BREAK, " ");
    this.edits.push({ start, end, text, group: 2, depth: 0, seq: this.edits.length, blank: true });
  }

  /** Apply all edits; throws if two replacements overlap (a bug in the transform, not in the snippet). */
  apply(): { code: string; map: PositionMap } {
    const src = this.source.text;
    const sorted = this.edits.sort(compareEdits);
    const out: string[] = [];
    const map = new LineMap(this.source.lineStarts.length);
    let cursor = 0;
    for (const e of sorted) {
      if (e.start < cursor) throw new Error(`snippet compiler: overlapping edits at offset ${e.start}`);
      map.copy(src, cursor, e.start, out);
      if (e.blank) map.copy(src, e.start, e.end, out, e.text);
      else map.point(e.start, e.text, out);
      cursor = e.end;
    }
    map.copy(src, cursor, src.length, out);
    return { code: out.join(""), map };
  }
}

function compareEdits(a: Edit, b: Edit): number {
  if (a.start !== b.start) return a.start - b.start;
  if (a.group !== b.group) return a.group - b.group;
  if (a.depth !== b.depth) return a.group === 0 ? b.depth - a.depth : a.depth - b.depth;
  return a.seq - b.seq;
}

/**
 * Per line, a sorted list of segments (generated column, source column,
 * kind): a copied segment maps column for column, a point segment (inserted
 * or replacing text) maps every column to one source column.
 */
class LineMap implements PositionMap {
  private readonly lines: number[][];
  private line = 0;
  private genCol = 0;
  private lineStart = 0;

  constructor(lineCount: number) {
    this.lines = Array.from({ length: lineCount }, () => []);
  }

  /** Emit src[from, to) (or `text` of the same shape, for blanking) as copied text. */
  copy(src: string, from: number, to: number, out: string[], text?: string): void {
    if (from >= to) return;
    out.push(text ?? src.slice(from, to));
    let pos = from;
    LINE_BREAK.lastIndex = from;
    for (let m = LINE_BREAK.exec(src); m && m.index < to; m = LINE_BREAK.exec(src)) {
      this.segment(pos - this.lineStart, 0);
      this.genCol += m.index - pos;
      pos = m.index + m[0].length;
      this.line++;
      this.genCol = 0;
      this.lineStart = pos;
    }
    if (pos < to) {
      this.segment(pos - this.lineStart, 0);
      this.genCol += to - pos;
    }
  }

  /** Emit compiler text standing for the source position `at`. */
  point(at: number, text: string, out: string[]): void {
    if (!text) return;
    out.push(text);
    this.segment(at - this.lineStart, 1);
    this.genCol += text.length;
  }

  private segment(srcCol: number, kind: number): void {
    this.lines[this.line].push(this.genCol, srcCol, kind);
  }

  toSource(line: number, column: number): { line: number; column: number } {
    const l = Math.min(Math.max(line, 1), this.lines.length);
    const segs = this.lines[l - 1];
    // Last segment starting at or before `column` (segments are triples).
    let lo = 0;
    let hi = segs.length / 3 - 1;
    if (hi < 0 || segs[0] > column) return { line: l, column: 0 };
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segs[mid * 3] <= column) lo = mid;
      else hi = mid - 1;
    }
    const [gen, src, kind] = segs.slice(lo * 3, lo * 3 + 3);
    return { line: l, column: kind === 1 ? src : src + (column - gen) };
  }
}
