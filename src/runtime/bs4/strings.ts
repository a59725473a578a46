/**
 * The string nodes of the tree: text, and the markup that is not text
 * (comments, the doctype, CDATA). Python: `bs4.NavigableString` and its
 * subclasses.
 */
import { escapeHtml } from "./entities.ts";
import type { Tag } from "./tree.ts";

/** What a string node holds: text, the raw body of a script or style, or markup that is not text. */
export type StringKind = "text" | "script" | "style" | "comment" | "doctype" | "cdata";

/**
 * A run of text in the tree. Python: `bs4.NavigableString` (a `str`
 * subclass; here `String(s)` or `s.value` gives the text).
 *
 * @example for (const child of soup.p!.children) if (child instanceof NavigableString) print(child.value);
 */
export class NavigableString {
  /** Always null: strings have no tag name (Python: `None`), which tells them from tags. */
  readonly name = null;
  /** The tag that contains this string. */
  parent: Tag | null = null;
  /** The text. */
  readonly value: string;
  /** What the text is: ordinary text, a script or style body, a comment, ... */
  readonly kind: StringKind;
  /** A string of the tree (Python: `NavigableString(value)`). */
  constructor(value: string, kind: StringKind = "text") {
    this.value = value;
    this.kind = kind;
  }
  /** The text itself. Python: `s.text`. @example comment.text */
  get text(): string { return this.value; }
  /** The text itself. Python: `str(s)`. @example String(soup.title?.contents[0]) */
  toString(): string { return this.value; }
  /** The string as markup: escaped text, `<!--comment-->`, `<!DOCTYPE html>`, ... Python: `s.output_ready()`. @example new Comment(" c ").decode() === "<!-- c -->" */
  decode(): string {
    switch (this.kind) {
      case "comment": return `<!--${this.value}-->`;
      case "doctype": return `<!DOCTYPE ${this.value}>`;
      case "cdata": return `<![CDATA[${this.value}]]>`;
      case "script": case "style": return this.value;
      default: return escapeHtml(this.value);
    }
  }
}

/** An HTML comment. Python: `bs4.Comment`. @example soup.find(...)?.contents.filter((c) => c instanceof Comment) */
export class Comment extends NavigableString {
  /** A comment whose text is `value`. */
  constructor(value: string) { super(value, "comment"); }
}
/** The `<!DOCTYPE ...>` declaration; its value is e.g. `html`. Python: `bs4.Doctype`. @example new Doctype("html").decode() === "<!DOCTYPE html>" */
export class Doctype extends NavigableString {
  /** A doctype declaring `value`, e.g. `html`. */
  constructor(value: string) { super(value, "doctype"); }
}
/** A `<![CDATA[...]]>` section. Python: `bs4.CData`. @example new CData("x").decode() === "<![CDATA[x]]>" */
export class CData extends NavigableString {
  /** A CDATA section holding `value`. */
  constructor(value: string) { super(value, "cdata"); }
}
