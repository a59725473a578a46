import { describe, expect, test } from "vitest";
import { BeautifulSoup } from "../../../src/runtime/testing.ts";

// Bounded time is enforced by each test's timeout, not by measuring: a
// quadratic parser would take minutes on these inputs, a linear one well
// under a second on an idle machine (the margin is for loaded CI runners).
const BOUND_MS = 60_000;

describe("BeautifulSoup robustness", () => {
  test("parses a 1 MB document", () => {
    const row = '<tr class="row"><td><a href="/item?id=1&amp;x=2">Item &mdash; one</a></td><td>42</td></tr>\n';
    const markup = `<!doctype html><title>Big</title><table>${row.repeat(Math.ceil(1_000_000 / row.length))}</table>`;
    expect(markup.length).toBeGreaterThanOrEqual(1_000_000);
    const soup = new BeautifulSoup(markup, "html.parser");
    expect(soup.title?.string).toBe("Big");
    const rows = soup.findAll("tr");
    expect(rows.length).toBe(Math.ceil(1_000_000 / row.length));
    expect(soup.select("tr.row > td a").length).toBe(rows.length);
    expect(rows[0].find("a")?.text).toBe("Item — one");
  }, BOUND_MS);

  test("parses, searches and prints markup nested 100,000 levels deep without overflowing the stack", () => {
    const depth = 100_000;
    const markup = `${"<div>".repeat(depth)}<span>bottom</span>${"</div>".repeat(depth)}`;
    const soup = new BeautifulSoup(markup, "html.parser");
    expect(soup.find("span")?.string).toBe("bottom");
    expect(soup.find("div")?.string).toBe("bottom");
    expect(soup.getText()).toBe("bottom");
    expect(soup.select("div div span")).toHaveLength(1);
    expect(soup.selectOne("span")!.findParent("div")?.name).toBe("div");
    expect(String(soup).length).toBe(markup.length);
  }, BOUND_MS);

  test("stays linear on unclosed tags, stray end tags and implied ends", () => {
    const n = 40_000;
    const markups = [
      "<ul>" + "<div>".repeat(n) + "<li>x".repeat(n),      // every <li> asks "is an <li> open in this list?"
      "<p>" + "<span>".repeat(n) + "</p>".repeat(n),       // end tags for a p buried under spans
      "<li>" + "<ul>".repeat(n) + "<li>y".repeat(n),       // the open <li> is sheltered by the lists
      "</nothing>".repeat(n) + "<b>".repeat(n) + "</i>".repeat(n),
      "<a x='1' y=2 z>".repeat(n) + "<!--c-->".repeat(n) + "&amp;&#39;&bogus;".repeat(n),
    ];
    for (const markup of markups) {
      expect(() => new BeautifulSoup(markup, "html.parser").getText()).not.toThrow();
    }
  }, BOUND_MS);

  test("treats a document that ends inside a tag, comment or script as text, in one pass", () => {
    const n = 200_000;
    expect(new BeautifulSoup(`<p>${"<a".repeat(n)}`).p?.text.length).toBe(2 * n);
    expect(new BeautifulSoup(`<script>${"x<".repeat(n)}`).find("script")?.string?.length).toBe(2 * n);
    expect(new BeautifulSoup(`<!--${"-".repeat(n)}`).text).toBe("");
  }, BOUND_MS);
});
