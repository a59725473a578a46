/**
 * The learner's source text, with line arithmetic and a tiny token scanner.
 *
 * The parser gives exact ranges for nodes but not for the keywords and
 * punctuation between them (`as`, `implements`, `=>`, `private`, `?`, ...).
 * Rather than re-tokenise the whole file, the transform scans just the gap
 * between two known nodes. Such a gap only ever holds whitespace, comments,
 * words and punctuation, so the scanner needs no regex or template support.
 */

/** ECMAScript line terminators; `\r\n` counts once, as in acorn and V8. */
export const LINE_BREAK = /\r\n?|[\n\u2028\u2029]/g;
const HAS_LINE_BREAK = /[\r\n\u2028\u2029]/;
const WORD_START = /[\p{ID_Start}$_\\]/u;
const WORD_PART = /[\p{ID_Continue}$\u200c\u200d\\]/u;

/** A token found in a gap between nodes: a word, `=>`, `?.`, `...`, a string or one punctuation character. */
export interface Token {
  start: number;
  end: number;
  text: string;
}

export class SourceText {
  /** Offset of the first character of each line; index 0 is line 1. */
  readonly lineStarts: number[] = [0];
  readonly text: string;

  constructor(text: string) {
    this.text = text;
    for (const m of text.matchAll(LINE_BREAK)) this.lineStarts.push(m.index + m[0].length);
  }

  /** 1-based line of an offset. */
  lineOf(pos: number): number {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** 1-based line and 0-based column of an offset, as the learner's editor counts them. */
  position(pos: number): { line: number; column: number } {
    const line = this.lineOf(pos);
    return { line, column: pos - this.lineStarts[line - 1] };
  }

  hasLineBreak(from: number, to: number): boolean {
    return from < to && HAS_LINE_BREAK.test(this.text.slice(from, to));
  }

  /** Offset of the first character at or after `pos` that is not whitespace or a comment. */
  skipTrivia(pos: number): number {
    const s = this.text;
    for (;;) {
      const c = s.charCodeAt(pos);
      if (c === 47 /* / */ && s.charCodeAt(pos + 1) === 47) {
        const m = /[\r\n\u2028\u2029]/.exec(s.slice(pos));
        pos = m ? pos + m.index : s.length;
      } else if (c === 47 && s.charCodeAt(pos + 1) === 42 /* * */) {
        const close = s.indexOf("*/", pos + 2);
        pos = close < 0 ? s.length : close + 2;
      } else if (pos < s.length && /\s|\uFEFF/.test(s[pos])) {
        pos++;
      } else {
        return pos;
      }
    }
  }

  /** The token starting at or after `pos` (after trivia); an empty token at the end of the text. */
  nextToken(pos: number): Token {
    const s = this.text;
    const start = this.skipTrivia(pos);
    let end = start;
    const c = s[start];
    if (c === undefined) return { start, end, text: "" };
    if (WORD_START.test(c) || /[0-9]/.test(c)) {
      end++;
      while (end < s.length && WORD_PART.test(s[end])) end++;
    } else if (c === '"' || c === "'") {
      end++;
      while (end < s.length && s[end] !== c) end += s[end] === "\\" ? 2 : 1;
      end++;
    } else if (s.startsWith("=>", start) || s.startsWith("?.", start)) {
      end += 2;
    } else if (s.startsWith("...", start)) {
      end += 3;
    } else {
      end += c.length;
    }
    return { start, end, text: s.slice(start, end) };
  }

  /** Start of the first token equal to `text` in [from, to), or -1. */
  find(from: number, to: number, text: string): number {
    for (let t = this.nextToken(from); t.start < to && t.end > t.start; t = this.nextToken(t.end)) {
      if (t.text === text) return t.start;
    }
    return -1;
  }

  /** Like {@link find}, but the last match in the range. */
  findLast(from: number, to: number, text: string): number {
    let found = -1;
    for (let t = this.nextToken(from); t.start < to && t.end > t.start; t = this.nextToken(t.end)) {
      if (t.text === text) found = t.start;
    }
    return found;
  }

  /** The leading run of word tokens in [from, to): the modifiers before a class member's key, say. */
  wordsBefore(from: number, to: number): Token[] {
    const words: Token[] = [];
    for (let t = this.nextToken(from); t.start < to && WORD_START.test(t.text[0] ?? ""); t = this.nextToken(t.end)) {
      words.push(t);
    }
    return words;
  }
}
