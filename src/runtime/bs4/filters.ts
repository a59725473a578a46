/**
 * The filters `find` and `findAll` accept, as in bs4: a tag name, a list of
 * names, a regular expression, `true` for any tag, or a function; and
 * attribute filters in the same forms.
 */
import type { Tag } from "./tree.ts";

/**
 * Which tags a search wants, by name. Python: the `name` argument of `find_all`.
 * `"a"` exact name; `["h1", "h2"]` any of; `/^h\d$/` a pattern searched in the
 * name; `true`, `null` or `undefined` any tag; a function decides per tag.
 */
export type NameFilter = string | readonly string[] | RegExp | boolean | null | undefined | ((tag: Tag) => boolean);

/**
 * A filter on one attribute's value. A string matches the value, or for
 * `class` (and other multi-valued attributes) any one class or the whole
 * space-separated list; `true` means "has the attribute", `false`/`null`
 * "has not"; a list means any of; a function gets the value (or null).
 */
export type AttrFilter = string | readonly string[] | RegExp | boolean | null | ((value: string | null) => boolean);

/**
 * Attribute filters by attribute name (`class_` is accepted for `class`, as
 * Python spells it), or a string, which bs4 reads as a class to look for.
 */
export type AttrsFilter = Record<string, AttrFilter> | string;

/** The keyword arguments of `find_all`. */
export interface FindOptions {
  /** Stop after this many matches. Default: no limit. */
  limit?: number;
  /** `false` looks at direct children only. Default: true. */
  recursive?: boolean;
}

function matchesText(filter: string | RegExp, value: string): boolean {
  if (typeof filter === "string") return filter === value;
  filter.lastIndex = 0;
  return filter.test(value);
}

function nameMatches(filter: NameFilter, tag: Tag): boolean {
  if (filter === undefined || filter === null || filter === true) return true;
  if (filter === false) return false;
  if (typeof filter === "function") return Boolean(filter(tag));
  if (typeof filter === "string" || filter instanceof RegExp) return matchesText(filter, tag.name);
  return filter.includes(tag.name);
}

function attrMatches(filter: AttrFilter, value: string | string[] | undefined): boolean {
  if (filter === true) return value !== undefined;
  if (filter === false || filter === null) return value === undefined;
  if (typeof filter === "function") {
    return Boolean(filter(value === undefined ? null : Array.isArray(value) ? value.join(" ") : value));
  }
  if (value === undefined) return false;
  const candidates = Array.isArray(value) ? [...value, value.join(" ")] : [value];
  const wanted: readonly (string | RegExp)[] = typeof filter === "string" || filter instanceof RegExp ? [filter] : filter;
  return wanted.some((w) => candidates.some((c) => matchesText(w, c)));
}

/** Turn the arguments of `find`/`findAll` into one predicate on tags. */
export function tagMatcher(name: NameFilter, attrs: AttrsFilter | undefined): (tag: Tag) => boolean {
  const entries: [string, AttrFilter][] =
    attrs === undefined ? [] :
    typeof attrs === "string" ? [["class", attrs]] :
    Object.entries(attrs).map(([key, filter]) => [key === "class_" ? "class" : key, filter]);
  return (tag) => nameMatches(name, tag) && entries.every(([key, filter]) => attrMatches(filter, Object.hasOwn(tag.attrs, key) ? tag.attrs[key] : undefined));
}
