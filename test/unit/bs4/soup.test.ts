import { describe, expect, test } from "vitest";
import { BeautifulSoup, Comment, Doctype, FeatureNotFound, NavigableString, PAGE_TITLES, SimulatedWeb, Tag } from "../../../src/runtime/testing.ts";

function page(url: string): string {
  const outcome = new SimulatedWeb().request({ method: "GET", url });
  if (outcome.kind !== "response") throw new Error(`no page at ${url}`);
  return outcome.response.body;
}

const soup = (markup: string) => new BeautifulSoup(markup, "html.parser");

describe("BeautifulSoup on the simulated web's pages", () => {
  test("the three scraper pages give their exact real titles", () => {
    expect(soup(page("https://python.org")).title?.string).toBe("Welcome to Python.org");
    expect(soup(page("https://docs.python.org/3/library/asyncio.html")).title?.string)
      .toBe("asyncio — Asynchronous I/O — Python 3.14 documentation");
    expect(soup(page("https://pypi.org/")).title?.string).toBe("PyPI · The Python Package Index");
  });

  test("every page title agrees with PAGE_TITLES", () => {
    const urls = {
      python: "https://www.python.org/", asyncioDocs: "https://docs.python.org/3/library/asyncio.html",
      pypi: "https://pypi.org/", example: "https://example.com/", slow: "https://slow.example/",
    };
    for (const [key, url] of Object.entries(urls)) {
      expect(soup(page(url)).title?.string).toBe(PAGE_TITLES[key as keyof typeof PAGE_TITLES]);
    }
  });

  test("python.org's unclosed list items end where a browser ends them", () => {
    const nav = soup(page("https://python.org")).find("ul", { class: "menu" })!;
    expect(nav.findAll("li", undefined, { recursive: false }).map((li) => li.text.trim())).toEqual(["About", "Downloads", "Documentation", "Community"]);
  });

  test("the docs heading holds more than one child, so its .string is null while its text is whole", () => {
    const h1 = soup(page("https://docs.python.org/3/library/asyncio.html")).h1!;
    expect(h1.string).toBeNull();
    expect(h1.text).toBe("asyncio — Asynchronous I/O¶");
  });
});

describe("BeautifulSoup parsing", () => {
  test("accepts html.parser and its aliases, and refuses other features like bs4", () => {
    expect(new BeautifulSoup("<p>x</p>").p?.text).toBe("x");
    expect(new BeautifulSoup("<p>x</p>", "lxml").p?.text).toBe("x");
    expect(() => new BeautifulSoup("<p>x</p>", "xml")).toThrow(FeatureNotFound);
  });

  test("keeps doctype and comments as their own nodes", () => {
    const s = soup("<!DOCTYPE html><!-- note --><p>x</p>");
    expect(s.contents[0]).toBeInstanceOf(Doctype);
    expect(s.contents[0].toString()).toBe("html");
    expect(s.contents[1]).toBeInstanceOf(Comment);
    expect(String(s)).toBe("<!DOCTYPE html><!-- note --><p>x</p>");
  });

  test("reads script and style bodies as raw text and title as text with references decoded", () => {
    const s = soup("<title>Q&amp;A <b></title><script>if (a < b && c) { x('</p>') }</script><style>p > a {}</style>");
    expect(s.title?.string).toBe("Q&A <b>");
    expect(s.find("script")?.string).toBe("if (a < b && c) { x('</p>') }");
    expect(s.find("style")?.string).toBe("p > a {}");
  });

  test("void elements take no children and print as <br/>", () => {
    const s = soup('<p>a<br>b<img src="x.png" alt="">c</p>');
    expect(s.p?.contents.map((n) => n.name)).toEqual([null, "br", null, "img", null]);
    expect(String(s)).toBe('<p>a<br/>b<img src="x.png" alt=""/>c</p>');
  });

  test("unclosed p, li, td and option end at the next one, as in a browser", () => {
    expect(String(soup("<p>one<p>two<div>three</div>"))).toBe("<p>one</p><p>two</p><div>three</div>");
    expect(String(soup("<ul><li>a<li>b<ul><li>c</ul><li>d</ul>"))).toBe("<ul><li>a</li><li>b<ul><li>c</li></ul></li><li>d</li></ul>");
    expect(String(soup("<table><tr><td>1<td>2<tr><td>3</table>"))).toBe("<table><tr><td>1</td><td>2</td></tr><tr><td>3</td></tr></table>");
    expect(soup("<select><option>a<option>b</select>").findAll("option").map((o) => o.string)).toEqual(["a", "b"]);
  });

  test("malformed markup never throws and keeps its text", () => {
    const cases = [
      "<div><span>unclosed", "</b>stray end tags</i></div>", "a < b and c > d", "<p class=>x", "<a href='unterminated>x",
      "<!-- never closed", "<!doctype", "<", "<>", "</>", "<!>", "<?php echo 1 ?>after", "<p <p>", "<a =x>y</a>",
      "<div/>self-closed div<span/>", "<![CDATA[raw]]>", "<table><td>cell</tr></table></table>", "&#x;&#;&",
    ];
    for (const markup of cases) expect(() => String(soup(markup).getText())).not.toThrow();
    expect(soup("</b>stray end tags</i></div>").text).toBe("stray end tags");
    expect(soup("a < b and c > d").text).toBe("a < b and c > d");
    expect(soup("<div><span>unclosed").find("span")?.string).toBe("unclosed");
    expect(soup("<a href='unterminated>x").text).toBe("<a href='unterminated>x");
  });

  test("treats names that Object.prototype also has as ordinary names", () => {
    const s = soup('<constructor tostring="1">&constructor; &hasOwnProperty;</constructor><p>x</p>');
    expect(s.find("constructor")?.string).toBe("&constructor; &hasOwnProperty;");
    expect(s.findAll(undefined, { constructor: true })).toHaveLength(0);
    expect(s.select("[constructor]")).toHaveLength(0);
    expect(s.select("[tostring]").map((t) => t.name)).toEqual(["constructor"]);
  });

  test("lower-cases tag and attribute names and decodes attribute values", () => {
    const a = soup('<A HREF="/q?a=1&amp;b=2" Title=\'x "y"\' data-x=plain>link</A>').a!;
    expect(a.name).toBe("a");
    expect(a.attrs).toEqual({ href: "/q?a=1&b=2", title: 'x "y"', "data-x": "plain" });
    expect(String(a)).toBe('<a href="/q?a=1&amp;b=2" title="x &quot;y&quot;" data-x="plain">link</a>');
  });
});

describe("Tag.string", () => {
  test("is the only string inside, following a single child tag down", () => {
    expect(soup("<p>hello</p>").p?.string).toBe("hello");
    expect(soup("<p><b><i>deep</i></b></p>").p?.string).toBe("deep");
  });

  test("is null when the tag holds several children or none", () => {
    expect(soup("<p>Hi <b>there</b></p>").p?.string).toBeNull();
    expect(soup("<p></p>").p?.string).toBeNull();
  });
});

describe("Tag.getText", () => {
  const doc = soup("<div>\n  <h1>Title</h1>\n  <p>One &amp; <b>two</b></p><!-- hidden --><script>var x = 1;</script>\n</div>");

  test("joins all text inside, leaving out comments and script bodies", () => {
    expect(doc.getText()).toBe("\n  Title\n  One & two\n");
    expect(doc.text).toBe(doc.getText());
    expect(doc.find("script")?.getText()).toBe("var x = 1;");
  });

  test("takes a separator and strip, positionally or as options", () => {
    expect(doc.getText(" | ", true)).toBe("Title | One & | two");
    expect(doc.getText({ separator: "/", strip: true })).toBe("Title/One &/two");
    expect(doc.strippedStrings).toEqual(["Title", "One &", "two"]);
  });
});

describe("Tag.find and Tag.findAll", () => {
  const doc = soup(`
    <div id="main"><a href="/a" class="nav first">A</a><a href="/b" class="nav">B</a>
    <p><a href="https://x.example/c">C</a></p><h2>H2</h2><h3>H3</h3></div>`);

  test("find returns the first matching tag or null", () => {
    expect(doc.find("a")?.text).toBe("A");
    expect(doc.find("table")).toBeNull();
    expect(doc.find("div", { id: "main" })?.name).toBe("div");
  });

  test("findAll matches by name, list, pattern, true or a function, in document order", () => {
    expect(doc.findAll("a").map((a) => a.text)).toEqual(["A", "B", "C"]);
    expect(doc.findAll(["h3", "h2"]).map((h) => h.name)).toEqual(["h2", "h3"]);
    expect(doc.findAll(/^h\d$/).map((h) => h.text)).toEqual(["H2", "H3"]);
    expect(doc.findAll(true)).toHaveLength(7);
    expect(doc.findAll((tag) => tag.hasAttr("href") && !tag.hasAttr("class")).map((t) => t.text)).toEqual(["C"]);
  });

  test("matches attributes by value, by one class of several, by presence and by pattern", () => {
    expect(doc.findAll("a", { class: "nav" })).toHaveLength(2);
    expect(doc.findAll("a", { class_: "first" })).toHaveLength(1);
    expect(doc.findAll("a", "nav")).toHaveLength(2);
    expect(doc.findAll("a", { class: "nav first" })).toHaveLength(1);
    expect(doc.findAll("a", { class: false }).map((a) => a.text)).toEqual(["C"]);
    expect(doc.findAll(undefined, { href: /^https:/ }).map((a) => a.text)).toEqual(["C"]);
    expect(doc.findAll("a", { href: true })).toHaveLength(3);
  });

  test("honours limit and recursive", () => {
    expect(doc.findAll("a", undefined, 2)).toHaveLength(2);
    expect(doc.findAll("a", undefined, { limit: 1 })).toHaveLength(1);
    expect(doc.find("div")!.findAll("a", undefined, { recursive: false })).toHaveLength(2);
  });

  test("get reads attributes, with class as a list and a default when absent", () => {
    const a = doc.a!;
    expect(a.get("href")).toBe("/a");
    expect(a.get("class")).toEqual(["nav", "first"]);
    expect(a.get("title")).toBeNull();
    expect(a.get("title", "none")).toBe("none");
  });

  test("navigates to parents and siblings", () => {
    const b = doc.findAll("a")[1];
    expect(b.findParent("div")?.get("id")).toBe("main");
    expect((b.previousSibling as Tag).text).toBe("A");
    expect(b.nextSibling).toBeInstanceOf(NavigableString);
    expect(doc.find("p")?.parent?.name).toBe("div");
    expect(doc.parent).toBeNull();
  });
});
