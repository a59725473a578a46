import { describe, expect, test } from "vitest";
import { parseQuery, parseUrl } from "../../../src/runtime/testing.ts";

describe("parseUrl", () => {
  test("normalizes scheme and host case, drops the default port and the fragment", () => {
    expect(parseUrl("HTTPS://HTTPBin.org:443/get?a=1#top")).toEqual({
      scheme: "https", host: "httpbin.org", port: 443, path: "/get", query: "a=1", href: "https://httpbin.org/get?a=1",
    });
  });

  test("gives an empty path as / and keeps an explicit non-default port", () => {
    expect(parseUrl("http://example.com:8080")?.href).toBe("http://example.com:8080/");
    expect(parseUrl("http://user:pw@example.com/x")?.host).toBe("example.com");
  });

  test("rejects URLs without an http or https scheme, host or valid port", () => {
    for (const bad of ["example.com", "ftp://example.com/", "https:///path", "https://a b/", "https://x:99999/", ""]) {
      expect(parseUrl(bad)).toBeNull();
    }
  });
});

describe("parseQuery", () => {
  test("decodes names and values, + as space, and collects repeated names in a list", () => {
    expect({ ...parseQuery("a=1&b=x+y&a=2&c&d=%C3%A9") }).toEqual({ a: ["1", "2"], b: "x y", c: "", d: "é" });
  });

  test("keeps a malformed escape as written and treats __proto__ as an ordinary name", () => {
    const q = parseQuery("bad=%E0%A4%A&__proto__=x");
    expect(q.bad).toBe("%E0%A4%A");
    expect(Object.keys(q)).toEqual(["bad", "__proto__"]);
  });
});
