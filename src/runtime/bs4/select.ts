/**
 * CSS selectors for `select` / `selectOne`: the part of soupsieve a simple
 * scraper uses. Supported: `tag`, `*`, `.class`, `#id`, `[attr]`,
 * `[attr=value]` and `~= |= ^= $= *=` (with an `i` flag), the descendant
 * (space) and child (`>`) combinators, and `,` lists. Pseudo-classes and
 * sibling combinators throw `NotImplementedError` naming what was asked for,
 * rather than silently matching nothing.
 *
 * Matching is one walk down the tree carrying, as bitmasks, which steps of
 * each selector the ancestors and the parent already matched: linear in the
 * size of the tree times the length of the selector, with no ancestor
 * re-scans, so deep documents stay fast.
 */
import type { PageElement, Tag } from "./tree.ts";

/** A selector that is not valid CSS. Python: `soupsieve.SelectorSyntaxError`. @example soup.select("div >") // throws */
export class SelectorSyntaxError extends Error {
  /** The class name Python shows. */
  override name = "SelectorSyntaxError";
}

/** Valid CSS this simplified bs4 does not support. Python: `NotImplementedError`. @example soup.select("li:first-child") // throws */
export class NotImplementedError extends Error {
  /** The class name Python shows. */
  override name = "NotImplementedError";
}

type AttrOp = "" | "=" | "~=" | "|=" | "^=" | "$=" | "*=";
interface AttrTest { name: string; op: AttrOp; value: string; ignoreCase: boolean }
interface Compound { tag: string | null; ids: string[]; classes: string[]; attrs: AttrTest[] }
interface Step { child: boolean; compound: Compound }
interface Parsed { steps: Step[]; offsets: number[]; lengths: number[] }

const SUPPORTED = "tag, *, .class, #id, [attr], [attr=value] (also ~= |= ^= $= *=), descendant (space) and child (>) combinators, and comma lists";
const IDENT = /(?:[-_a-zA-Z0-9\u00a0-\uffff]|\\[^\n])+/y;
const QUOTED = /"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'/y;
const ATTR_OP = /[~|^$*]?=/y;
const PSEUDO = /::?[-\w]+(?:\([^)]*\)?)?/y;
const unescape = (text: string) => text.replace(/\\(.)/g, "$1");

/** Parse a selector list; throws SelectorSyntaxError or NotImplementedError. */
function parse(css: string): Parsed {
  let pos = 0;
  const fail = (what: string): never => {
    throw new SelectorSyntaxError(`${what} at position ${pos} in selector ${JSON.stringify(css)}`);
  };
  const sticky = (re: RegExp): RegExpExecArray | null => {
    re.lastIndex = pos;
    const m = re.exec(css);
    if (m) pos = re.lastIndex;
    return m;
  };
  const skipSpace = () => sticky(/\s+/y) !== null;
  const ident = (what: string) => unescape((sticky(IDENT) ?? fail(`Expected ${what}`))[0]);

  function attribute(): AttrTest {
    skipSpace();
    const name = ident("an attribute name").toLowerCase();
    skipSpace();
    const op = (sticky(ATTR_OP)?.[0] ?? "") as AttrOp;
    let value = "";
    let ignoreCase = false;
    if (op !== "") {
      skipSpace();
      const quoted = sticky(QUOTED);
      value = quoted ? unescape(quoted[1] ?? quoted[2]) : ident("an attribute value");
      skipSpace();
      const flag = sticky(/[iIsS](?=\s*\])/y);
      ignoreCase = flag !== null && flag[0].toLowerCase() === "i";
      skipSpace();
    }
    if (css[pos] !== "]") fail("Malformed attribute selector");
    pos++;
    return { name, op, value, ignoreCase };
  }

  function compound(): Compound {
    const start = pos;
    const result: Compound = { tag: null, ids: [], classes: [], attrs: [] };
    if (css[pos] === "*") pos++;
    else if (sticky(IDENT)) result.tag = unescape(css.slice(start, pos)).toLowerCase();
    for (;;) {
      const c = css[pos];
      if (c === ".") { pos++; result.classes.push(ident("a class name")); }
      else if (c === "#") { pos++; result.ids.push(ident("an id")); }
      else if (c === "[") { pos++; result.attrs.push(attribute()); }
      else if (c === ":") {
        const pseudo = sticky(PSEUDO)?.[0] ?? ":";
        throw new NotImplementedError(`The selector ${pseudo} in ${JSON.stringify(css)} is not supported; supported: ${SUPPORTED}`);
      } else break;
    }
    if (pos === start) fail(pos >= css.length ? "Expected a selector" : `Unexpected ${JSON.stringify(css[pos])}`);
    return result;
  }

  const parsed: Parsed = { steps: [], offsets: [], lengths: [] };
  let length = 0;
  let child = false;
  skipSpace();
  for (;;) {
    parsed.steps.push({ child, compound: compound() });
    length++;
    child = false;
    const spaced = skipSpace();
    const c = css[pos];
    if (c === undefined || c === ",") {
      parsed.offsets.push(parsed.steps.length - length);
      parsed.lengths.push(length);
      length = 0;
      if (c === undefined) break;
      pos++;
      skipSpace();
    } else if (c === ">") {
      pos++;
      skipSpace();
      child = true;
    } else if (c === "+" || c === "~") {
      throw new NotImplementedError(`The sibling combinator ${c} in ${JSON.stringify(css)} is not supported; supported: ${SUPPORTED}`);
    } else if (!spaced) {
      fail(`Unexpected ${JSON.stringify(c)}`);
    }
  }
  if (parsed.steps.length > 30) throw new NotImplementedError(`Selector ${JSON.stringify(css)} is too long (at most 30 compound parts)`);
  return parsed;
}

function attrText(tag: Tag, name: string): string | undefined {
  if (!Object.hasOwn(tag.attrs, name)) return undefined;
  const value = tag.attrs[name];
  return Array.isArray(value) ? value.join(" ") : value;
}

function attrMatches(test: AttrTest, tag: Tag): boolean {
  let actual = attrText(tag, test.name);
  if (actual === undefined) return false;
  let wanted = test.value;
  if (test.ignoreCase) { actual = actual.toLowerCase(); wanted = wanted.toLowerCase(); }
  switch (test.op) {
    case "": return true;
    case "=": return actual === wanted;
    case "~=": return wanted !== "" && actual.split(/\s+/).includes(wanted);
    case "|=": return actual === wanted || actual.startsWith(`${wanted}-`);
    case "^=": return wanted !== "" && actual.startsWith(wanted);
    case "$=": return wanted !== "" && actual.endsWith(wanted);
    case "*=": return wanted !== "" && actual.includes(wanted);
  }
}

function compoundMatches(c: Compound, tag: Tag): boolean {
  if (c.tag !== null && c.tag !== tag.name) return false;
  if (c.ids.some((id) => attrText(tag, "id") !== id)) return false;
  const classes = tag.attrs.class;
  if (c.classes.some((cls) => !(Array.isArray(classes) ? classes.includes(cls) : classes === cls))) return false;
  return c.attrs.every((test) => attrMatches(test, tag));
}

/** Which steps `tag` matches, given the steps its ancestors and its parent matched. */
function stepsMatched(p: Parsed, tag: Tag, ancestors: number, parent: number): number {
  if (tag.name === "[document]") return 0;
  let mask = 0;
  p.steps.forEach((step, index) => {
    const first = p.offsets.includes(index);
    const before = step.child ? parent : ancestors;
    if ((first || (before & (1 << (index - 1))) !== 0) && compoundMatches(step.compound, tag)) mask |= 1 << index;
  });
  return mask;
}

const cache = new Map<string, Parsed>();

/** The tags inside `scope` that match `css`, in document order, at most `limit`. */
export function selectTags(scope: Tag, css: string, limit: number): Tag[] {
  let parsed = cache.get(css);
  if (parsed === undefined) {
    parsed = parse(String(css));
    if (cache.size >= 100) cache.clear();
    cache.set(css, parsed);
  }
  const p = parsed;
  const complete = p.offsets.reduce((mask, offset, i) => mask | (1 << (offset + p.lengths[i] - 1)), 0);

  // Ancestors outside the scope count, as in the DOM's querySelectorAll.
  const chain: Tag[] = [];
  for (let t: Tag | null = scope; t !== null; t = t.parent) chain.push(t);
  let ancestors = 0;
  let parent = 0;
  for (let i = chain.length - 1; i >= 0; i--) {
    parent = stepsMatched(p, chain[i], ancestors, parent);
    ancestors |= parent;
  }

  const found: Tag[] = [];
  if (!(limit > 0)) return found;
  const nodes: PageElement[] = [];
  const ancestorMasks: number[] = [];
  const parentMasks: number[] = [];
  const pushChildren = (tag: Tag, anc: number, par: number) => {
    for (let i = tag.contents.length - 1; i >= 0; i--) {
      nodes.push(tag.contents[i]);
      ancestorMasks.push(anc);
      parentMasks.push(par);
    }
  };
  pushChildren(scope, ancestors, parent);
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const anc = ancestorMasks.pop()!;
    const par = parentMasks.pop()!;
    if (node.name === null) continue;
    const mask = stepsMatched(p, node, anc, par);
    if ((mask & complete) !== 0) {
      found.push(node);
      if (found.length >= limit) break;
    }
    pushChildren(node, anc | mask, mask);
  }
  return found;
}
