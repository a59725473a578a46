import { describe, expect, test } from "vitest";
import { BeautifulSoup, NotImplementedError, SelectorSyntaxError } from "../../../src/runtime/testing.ts";

const doc = new BeautifulSoup(`
  <nav id="top"><ul class="menu main"><li><a href="/" class="home">Home</a></li>
    <li><a href="https://docs.example/" lang="en-GB" rel="external">Docs</a></li></ul></nav>
  <main><div class="card"><div><p>deep <a href="/x">X</a></p></div></div>
    <p class="note">Note <span>inside</span></p></main>`, "html.parser");

const texts = (css: string) => doc.select(css).map((t) => t.text);

describe("Tag.select", () => {
  test("selects by tag, class, id and universal selector", () => {
    expect(texts("a")).toEqual(["Home", "Docs", "X"]);
    expect(texts(".note")).toEqual(["Note inside"]);
    expect(doc.select("#top").map((t) => t.name)).toEqual(["nav"]);
    expect(doc.select("ul.menu.main")).toHaveLength(1);
    expect(doc.select("ul.menu.other")).toHaveLength(0);
    expect(doc.select("*")).toHaveLength(doc.findAll(true).length);
  });

  test("supports descendant and child combinators", () => {
    expect(texts("nav a")).toEqual(["Home", "Docs"]);
    expect(texts("div p a")).toEqual(["X"]);
    expect(texts(".card > p")).toEqual([]);
    expect(texts(".card > div > p > a")).toEqual(["X"]);
    expect(texts("main > p span")).toEqual(["inside"]);
  });

  test("supports attribute presence and value tests", () => {
    expect(texts("a[rel]")).toEqual(["Docs"]);
    expect(texts("a[href='/']")).toEqual(["Home"]);
    expect(texts('a[href="/x"]')).toEqual(["X"]);
    expect(texts("a[href^=https]")).toEqual(["Docs"]);
    expect(texts("a[href$='/x']")).toEqual(["X"]);
    expect(texts("a[href*=docs]")).toEqual(["Docs"]);
    expect(texts("a[lang|=en]")).toEqual(["Docs"]);
    expect(texts("ul[class~=main] .home")).toEqual(["Home"]);
    expect(texts("a[HREF='/X' i]")).toEqual(["X"]);
  });

  test("unions comma lists in document order, without duplicates", () => {
    expect(doc.select("span, nav, a.home, nav").map((t) => t.name)).toEqual(["nav", "a", "span"]);
  });

  test("counts ancestors outside the tag it is called on, as querySelectorAll does", () => {
    const card = doc.selectOne(".card")!;
    expect(card.select("main a").map((t) => t.text)).toEqual(["X"]);
    expect(card.select("div")).toHaveLength(1);
  });

  test("selectOne gives the first match or null, and select honours a limit", () => {
    expect(doc.selectOne("li a")?.text).toBe("Home");
    expect(doc.selectOne("table")).toBeNull();
    expect(doc.select("a", 2)).toHaveLength(2);
  });

  test("rejects malformed selectors with SelectorSyntaxError", () => {
    for (const bad of ["", "div >", "a,", "a[href", "a[=x]", ".", "#", "a)", "> a"]) {
      expect(() => doc.select(bad), bad).toThrow(SelectorSyntaxError);
    }
  });

  test("refuses pseudo-classes and sibling combinators with a NotImplementedError that says what works", () => {
    expect(() => doc.select("li:first-child")).toThrow(NotImplementedError);
    expect(() => doc.select("li:nth-child(2) a")).toThrow(/:nth-child\(2\).*supported: tag/);
    expect(() => doc.select("h1 + p")).toThrow(NotImplementedError);
    expect(() => doc.select("h1 ~ p")).toThrow(NotImplementedError);
  });
});
