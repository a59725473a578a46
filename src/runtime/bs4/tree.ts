/**
 * The parse tree's elements: `Tag`, as in bs4; the strings between them are
 * in `strings.ts`. Every walk over the tree here is a loop with its own
 * stack, never recursion, so a document nested a hundred thousand levels deep
 * is as safe as a flat one.
 */
import { escapeHtml } from "./entities.ts";
import type { NavigableString, StringKind } from "./strings.ts";
import { tagMatcher, type AttrsFilter, type FindOptions, type NameFilter } from "./filters.ts";
import { selectTags } from "./select.ts";

/** Elements that never have content and print as `<br/>`. */
export const VOID_ELEMENTS = new Set([
  "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
]);

/** Anything in the tree: a tag or a string. Python: `bs4.PageElement`. */
export type PageElement = Tag | NavigableString;

/**
 * Visit the descendants of `root` in document order (depth first, as they
 * appear in the markup); stop early when `visit` returns false.
 */
export function walk(root: Tag, visit: (node: PageElement) => boolean | void): void {
  const stack: PageElement[] = [];
  for (let i = root.contents.length - 1; i >= 0; i--) stack.push(root.contents[i]);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) === false) return;
    if (node instanceof Tag) for (let i = node.contents.length - 1; i >= 0; i--) stack.push(node.contents[i]);
  }
}

/**
 * An HTML element. Python: `bs4.Tag`; the methods keep bs4's meanings with
 * camelCase names (`findAll`, `getText`, `selectOne`).
 *
 * @example
 * const soup = new BeautifulSoup('<p class="intro">Hi <b>there</b></p>', "html.parser");
 * soup.p?.get("class")   // ["intro"]
 * soup.p?.text           // "Hi there"
 * soup.p?.string         // null: the <p> holds a string and a tag
 */
export class Tag {
  /** Lower-case tag name, e.g. `a`; `[document]` for the soup itself. */
  readonly name: string;
  /** Attributes by lower-case name; `class` is a list of classes, as in bs4. */
  attrs: Record<string, string | string[]>;
  /** Direct children in order. Python: `tag.contents`. */
  contents: PageElement[] = [];
  /** The enclosing tag; the soup for a top-level tag, null for the soup. */
  parent: Tag | null = null;

  /** A tag named `name` with `attrs`, not yet in a tree (Python: `Tag(name=..., attrs=...)`). */
  constructor(name: string, attrs: Record<string, string | string[]> = {}) {
    this.name = name;
    this.attrs = attrs;
  }

  /** Direct children (a copy of `contents`). Python: `tag.children`. @example for (const child of ul.children) if (child.name === "li") print(child.text); */
  get children(): PageElement[] { return [...this.contents]; }

  /** Every node inside this tag, in document order. Python: `tag.descendants`. @example soup.body?.descendants.length */
  get descendants(): PageElement[] {
    const all: PageElement[] = [];
    walk(this, (node) => { all.push(node); });
    return all;
  }

  /**
   * The one string inside this tag, or null when there is none or more than
   * one child. Follows a single child tag down: `<p><b>x</b></p>` gives `x`.
   * Python: `tag.string`.
   *
   * @example soup.title?.string // "Welcome to Python.org"
   */
  get string(): string | null {
    let tag: Tag = this;
    for (;;) {
      if (tag.contents.length !== 1) return null;
      const only = tag.contents[0];
      if (!(only instanceof Tag)) return only.value;
      tag = only;
    }
  }

  /**
   * All the text inside this tag, joined with `separator`; with `strip`,
   * each piece is trimmed and empty pieces dropped. Comments, and scripts and
   * styles of the tags inside, are not text. Python: `tag.get_text(separator, strip=...)`.
   *
   * @example soup.getText(" ", true); soup.getText({ separator: "\n", strip: true })
   */
  getText(separator: string | { separator?: string; strip?: boolean } = "", strip = false): string {
    if (typeof separator === "object") return this.getText(separator.separator ?? "", separator.strip ?? false);
    return this.#texts(strip).join(separator);
  }

  /** All the text inside, as `getText()`. Python: `tag.text`. @example soup.h1?.text */
  get text(): string { return this.getText(); }

  /** Each piece of text inside, in order. Python: `list(tag.strings)`. @example soup.p?.strings // ['Hi ', 'there'] */
  get strings(): string[] { return this.#texts(false); }

  /** Each piece of text inside, trimmed, empty ones dropped. Python: `list(tag.stripped_strings)`. @example soup.strippedStrings.join(" ") */
  get strippedStrings(): string[] { return this.#texts(true); }

  #texts(strip: boolean): string[] {
    const kinds: StringKind[] = this.name === "script" || this.name === "style" ? [this.name] : ["text", "cdata"];
    const out: string[] = [];
    walk(this, (node) => {
      if (node instanceof Tag || !kinds.includes(node.kind)) return;
      const value = strip ? node.value.trim() : node.value;
      if (!strip || value !== "") out.push(value);
    });
    return out;
  }

  /**
   * An attribute's value, or `defaultValue` (null) when absent; `class`
   * gives a list. Python: `tag.get(key, default=None)`.
   *
   * @example link.get("href"); div.get("class") // ["nav", "main"]
   */
  get(key: "class"): string[] | null;
  get<D>(key: "class", defaultValue: D): string[] | D;
  get(key: string): string | null;
  get<D>(key: string, defaultValue: D): string | D;
  get(key: string, defaultValue: unknown = null): unknown {
    return Object.hasOwn(this.attrs, key) ? this.attrs[key] : defaultValue;
  }

  /** Whether the attribute is present. Python: `tag.has_attr(key)`. @example img.hasAttr("alt") */
  hasAttr(key: string): boolean { return Object.hasOwn(this.attrs, key); }

  /**
   * Every matching tag inside this one, in document order. Python:
   * `tag.find_all(name, attrs, recursive=True, limit=None)`.
   *
   * @param options the limit as a number, or `{ limit, recursive }`.
   * @example soup.findAll("a"); soup.findAll("a", { class: "nav" }); soup.findAll(["h1", "h2"], undefined, 5)
   */
  findAll(name?: NameFilter, attrs?: AttrsFilter, options: number | FindOptions = {}): Tag[] {
    const { limit: wanted, recursive = true } = typeof options === "number" ? { limit: options } : options;
    const limit = wanted !== undefined && wanted > 0 ? wanted : Infinity; // bs4: a limit of 0 means none
    const matches = tagMatcher(name, attrs);
    const found: Tag[] = [];
    const consider = (node: PageElement) => {
      if (node instanceof Tag && matches(node)) found.push(node);
      return found.length < limit;
    };
    if (recursive) walk(this, consider);
    else for (const node of this.contents) if (!consider(node)) break;
    return found;
  }

  /**
   * The first matching tag inside this one, or null. Python: `tag.find(name, attrs)`.
   *
   * @example soup.find("div", { id: "content" }); soup.find("meta", { name: "description" })?.get("content")
   */
  find(name?: NameFilter, attrs?: AttrsFilter, options: Omit<FindOptions, "limit"> = {}): Tag | null {
    return this.findAll(name, attrs, { ...options, limit: 1 })[0] ?? null;
  }

  /** The nearest enclosing tag that matches. Python: `tag.find_parent(name, attrs)`. @example link.findParent("li") */
  findParent(name?: NameFilter, attrs?: AttrsFilter): Tag | null {
    const matches = tagMatcher(name, attrs);
    for (let tag = this.parent; tag !== null; tag = tag.parent) if (matches(tag)) return tag;
    return null;
  }

  /**
   * Tags inside this one that match a CSS selector, in document order.
   * Supports `tag`, `*`, `.class`, `#id`, `[attr]`, `[attr=value]` (also
   * `~= |= ^= $= *=`), descendant (space) and child (`>`) combinators, and
   * `,` lists; anything else throws `NotImplementedError`. Python: `tag.select(css)`.
   *
   * @example soup.select("nav li > a"); soup.select("a[href^='https://']")
   */
  select(css: string, limit?: number): Tag[] { return selectTags(this, css, limit ?? Infinity); }

  /** The first tag matching a CSS selector, or null. Python: `tag.select_one(css)`. @example soup.selectOne("h1.title")?.text */
  selectOne(css: string): Tag | null { return selectTags(this, css, 1)[0] ?? null; }

  /** The node after this one in its parent, or null (often whitespace text). Python: `tag.next_sibling`. @example soup.h1?.nextSibling */
  get nextSibling(): PageElement | null { return this.#sibling(1); }
  /** The node before this one in its parent, or null. Python: `tag.previous_sibling`. @example soup.p?.previousSibling */
  get previousSibling(): PageElement | null { return this.#sibling(-1); }
  #sibling(step: number): PageElement | null {
    const siblings = this.parent?.contents ?? [];
    return siblings[siblings.indexOf(this) + step] ?? null;
  }

  /** The first `<title>` inside. Python: `soup.title`. @example soup.title?.string */
  get title(): Tag | null { return this.find("title"); }
  /** The first `<head>` inside. Python: `soup.head`. @example soup.head?.findAll("meta") */
  get head(): Tag | null { return this.find("head"); }
  /** The first `<body>` inside. Python: `soup.body`. @example soup.body?.getText(" ", true) */
  get body(): Tag | null { return this.find("body"); }
  /** The first `<h1>` inside. Python: `soup.h1`. @example soup.h1?.text */
  get h1(): Tag | null { return this.find("h1"); }
  /** The first `<a>` inside. Python: `soup.a`. @example soup.a?.get("href") */
  get a(): Tag | null { return this.find("a"); }
  /** The first `<p>` inside. Python: `soup.p`. @example soup.p?.text */
  get p(): Tag | null { return this.find("p"); }

  /** The tag as markup. Python: `str(tag)`. @example String(soup.a) // '<a href="/">Home</a>' */
  toString(): string { return serialize(this, true); }
  /** The markup of the children only. Python: `tag.decode_contents()`. @example soup.p?.decodeContents() // 'Hi <b>there</b>' */
  decodeContents(): string { return serialize(this, false); }
}

function openTag(tag: Tag): string {
  let out = `<${tag.name}`;
  for (const [key, value] of Object.entries(tag.attrs)) {
    out += ` ${key}="${escapeHtml(Array.isArray(value) ? value.join(" ") : value, true)}"`;
  }
  return out + (VOID_ELEMENTS.has(tag.name) && tag.contents.length === 0 ? "/>" : ">");
}

/** The markup of a tree, built with an explicit stack. */
function serialize(root: Tag, includeRoot: boolean): string {
  const out: string[] = [];
  const stack: (PageElement | string)[] = includeRoot ? [root] : [...root.contents].reverse();
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === "string") out.push(item);
    else if (!(item instanceof Tag)) out.push(item.decode());
    else {
      out.push(openTag(item));
      if (VOID_ELEMENTS.has(item.name) && item.contents.length === 0) continue;
      stack.push(`</${item.name}>`);
      for (let i = item.contents.length - 1; i >= 0; i--) stack.push(item.contents[i]);
    }
  }
  return out.join("");
}
