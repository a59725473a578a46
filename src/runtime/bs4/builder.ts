/**
 * Builds the tree from the tokenizer's tokens, forgiving the way browsers
 * are: a new `<p>` or `<div>` ends an open `<p>`, a new `<li>` ends the open
 * `<li>` of the same list, `<tr>`/`<td>` end the row or cell before them, and
 * an end tag with no open element of that name is ignored. Python's
 * `html.parser` would nest `<p>a<p>b` instead; the browser's reading is the one
 * a learner sees in the page, and it gives `.string` the answer they expect.
 * No `<html>`/`<head>`/`<body>` is invented: the tree holds what the markup has.
 *
 * Every open element's position is indexed by name, so each "is there an
 * open `<li>` in this list?" question is answered without scanning the stack:
 * parsing stays linear however deep or broken the markup is.
 */
import { tokenize, type TextKind, type TokenSink } from "./tokenizer.ts";
import { CData, Comment, Doctype, NavigableString } from "./strings.ts";
import { Tag, VOID_ELEMENTS, type PageElement } from "./tree.ts";

const CLOSES_P = new Set([
  "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "dd", "dt",
  "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
  "hr", "li", "listing", "main", "menu", "nav", "ol", "p", "pre", "search", "section", "summary", "table", "ul", "xmp",
]);
const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);
const SCOPE = ["table", "td", "th", "caption", "template", "button"];

/**
 * For a start tag: the open elements it ends, each with the elements that
 * shelter it (an open `<li>` outside the nearest `<ul>` is not ended).
 */
const IMPLIED_ENDS = new Map<string, [string, string[]][]>(Object.entries({
  li: [["li", ["ul", "ol", ...SCOPE]]],
  dt: [["dt", ["dl", ...SCOPE]], ["dd", ["dl", ...SCOPE]]],
  dd: [["dt", ["dl", ...SCOPE]], ["dd", ["dl", ...SCOPE]]],
  tr: [["tr", ["table", "thead", "tbody", "tfoot"]]],
  td: [["td", ["tr", "table"]], ["th", ["tr", "table"]]],
  th: [["td", ["tr", "table"]], ["th", ["tr", "table"]]],
  thead: [["tbody", ["table"]], ["thead", ["table"]], ["tfoot", ["table"]]],
  tbody: [["tbody", ["table"]], ["thead", ["table"]], ["tfoot", ["table"]]],
  tfoot: [["tbody", ["table"]], ["thead", ["table"]], ["tfoot", ["table"]]],
  option: [["option", ["select", "datalist", "optgroup"]]],
  optgroup: [["option", ["select", "datalist"]], ["optgroup", ["select", "datalist"]]],
  a: [["a", SCOPE]],
}));

/** Multi-valued attributes come back as lists. Only `class`: see the report on `get`. */
function convertAttrs(raw: [string, string][]): Record<string, string | string[]> {
  const attrs: Record<string, string | string[]> = {};
  for (const [name, text] of raw) {
    const value = name === "class" ? text.split(/[ \t\n\r\f]+/).filter((c) => c !== "") : text;
    // The last duplicate wins, as in bs4; defineProperty makes `__proto__` an ordinary attribute.
    if (name === "__proto__") Object.defineProperty(attrs, name, { value, enumerable: true, writable: true, configurable: true });
    else attrs[name] = value;
  }
  return attrs;
}

/** Parse `markup` into `root`'s contents. Never throws on bad markup. */
export function buildTree(markup: string, root: Tag): void {
  const open: Tag[] = [root];
  const positions = new Map<string, number[]>();
  let pendingText: string[] = [];
  let pendingKind: TextKind = "text";

  const current = () => open[open.length - 1];
  const lastOpen = (name: string) => {
    const at = positions.get(name);
    return at === undefined || at.length === 0 ? -1 : at[at.length - 1];
  };
  const append = (node: PageElement) => {
    node.parent = current();
    current().contents.push(node);
  };
  const flush = () => {
    if (pendingText.length === 0) return;
    append(new NavigableString(pendingText.join(""), pendingKind));
    pendingText = [];
  };
  const popTo = (index: number) => {
    while (open.length > index) positions.get(open.pop()!.name)!.pop();
  };
  const endIfOpen = (name: string, shelters: string[]) => {
    const at = lastOpen(name);
    if (at <= 0) return;
    for (const shelter of shelters) if (lastOpen(shelter) > at) return;
    popTo(at);
  };

  const sink: TokenSink = {
    startTag(name, rawAttrs, selfClosing) {
      flush();
      if (CLOSES_P.has(name)) endIfOpen("p", SCOPE);
      if (HEADINGS.has(name) && HEADINGS.has(current().name)) popTo(open.length - 1);
      const implied = IMPLIED_ENDS.get(name);
      if (implied !== undefined) for (const [ended, shelters] of implied) endIfOpen(ended, shelters);
      const tag = new Tag(name, convertAttrs(rawAttrs));
      append(tag);
      if (selfClosing || VOID_ELEMENTS.has(name)) return;
      let at = positions.get(name);
      if (at === undefined) positions.set(name, (at = []));
      at.push(open.length);
      open.push(tag);
    },
    endTag(name) {
      flush();
      const at = lastOpen(name);
      if (at > 0) popTo(at);
    },
    text(value, kind) {
      if (kind !== pendingKind) flush();
      pendingKind = kind;
      pendingText.push(value);
    },
    comment(value) { flush(); append(new Comment(value)); },
    doctype(value) { flush(); append(new Doctype(value)); },
    cdata(value) { flush(); append(new CData(value)); },
  };
  tokenize(markup, sink);
  flush();
}
