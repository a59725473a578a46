/**
 * `bs4` for snippets: enough of BeautifulSoup to scrape a page's title,
 * links and text. The names are bs4's in camelCase (`findAll`, `getText`,
 * `selectOne`); `soup.title.string` works as in Python.
 *
 * Layers: `tokenizer.ts` reads markup into tokens, `builder.ts` makes the tree
 * of `tree.ts` tags and `strings.ts` strings, `filters.ts` and `select.ts` search it.
 */
import { buildTree } from "./builder.ts";
import { Tag } from "./tree.ts";

export { CData, Comment, Doctype, NavigableString, type StringKind } from "./strings.ts";
export { Tag, type PageElement } from "./tree.ts";
export type { AttrFilter, AttrsFilter, FindOptions, NameFilter } from "./filters.ts";
export { NotImplementedError, SelectorSyntaxError } from "./select.ts";

/** The parsers bs4 knows by name; all of them mean this module's one HTML parser. */
const FEATURES = new Set(["html.parser", "html", "lxml", "html5lib"]);

/**
 * The parser named is not one bs4 could find. Python: `bs4.FeatureNotFound`.
 *
 * @example new BeautifulSoup(markup, "xml") // throws FeatureNotFound
 */
export class FeatureNotFound extends Error {
  /** The class name Python shows. */
  override name = "FeatureNotFound";
}

/**
 * A parsed HTML document: the root of the tree, and a `Tag` itself, so
 * everything a tag can do (`find`, `findAll`, `select`, `getText`, `title`,
 * ...) works on the whole page. Python: `bs4.BeautifulSoup(markup, "html.parser")`.
 *
 * Bad markup never throws: unclosed tags end where a browser would end them,
 * stray end tags are ignored, a `<` that starts no tag is text.
 *
 * @param markup the HTML, usually `await response.text()`.
 * @param features the parser, as in Python: `"html.parser"` (also accepted:
 *   `"lxml"`, `"html5lib"`, `"html"`, all the same parser here). Default:
 *   `"html.parser"`. Anything else throws `FeatureNotFound`.
 *
 * @example
 * const soup = new BeautifulSoup(await resp.text(), "html.parser");
 * print(soup.title?.string);                              // Welcome to Python.org
 * print(soup.findAll("a").map((a) => a.get("href")));     // ['/about/', '/downloads/', ...]
 * print(soup.selectOne("meta[name=description]")?.get("content"));
 */
export class BeautifulSoup extends Tag {
  /** Parses `markup` (Python: `BeautifulSoup(markup, "html.parser")`); any other parser name raises `FeatureNotFound`. */
  constructor(markup: string, features: string = "html.parser") {
    super("[document]");
    if (!FEATURES.has(String(features).toLowerCase())) {
      throw new FeatureNotFound(
        `Couldn't find a tree builder with the features you requested: ${features}. ` +
          `This simplified bs4 has one HTML parser; use "html.parser".`,
      );
    }
    buildTree(typeof markup === "string" ? markup : String(markup ?? ""), this);
  }

  /** The whole document as markup. Python: `str(soup)`. */
  override toString(): string {
    return this.decodeContents();
  }
}
