import { describe, expect, test } from "vitest";
import { decodeEntities, escapeHtml } from "../../../src/runtime/testing.ts";

describe("decodeEntities", () => {
  test("decodes the named references pages use", () => {
    expect(decodeEntities("&amp; &lt; &gt; &quot; &apos; &mdash; &middot; &copy; &nbsp;")).toBe("& < > \" ' — · © \u00a0");
  });

  test("decodes decimal and hexadecimal references, with or without the semicolon", () => {
    expect(decodeEntities("&#39;&#x27;&#X27;&#8212;&#128013;&#65")).toBe("'''—🐍A");
  });

  test("maps invalid code points to U+FFFD and C1 controls to Windows-1252, as HTML does", () => {
    expect(decodeEntities("&#0;&#xD800;&#1114112;&#99999999999999999999;")).toBe("\ufffd".repeat(4));
    expect(decodeEntities("&#150;&#147;&#148;")).toBe("–“”");
  });

  test("leaves unknown names and bare ampersands as written", () => {
    expect(decodeEntities("&frobnicate; R&D & co &;")).toBe("&frobnicate; R&D & co &;");
  });

  test("decodes legacy names without a semicolon in text but not before = or a letter in attributes", () => {
    expect(decodeEntities("fish &amp chips &copy2024")).toBe("fish & chips ©2024");
    expect(decodeEntities("?a=1&copy=2&amp;b", true)).toBe("?a=1&copy=2&b");
    expect(decodeEntities("&mdash without semicolon")).toBe("&mdash without semicolon");
  });
});

describe("escapeHtml", () => {
  test("escapes &, < and > in text, and also double quotes in attributes", () => {
    expect(escapeHtml('a < b & "c"')).toBe('a &lt; b &amp; "c"');
    expect(escapeHtml('a < b & "c"', true)).toBe("a &lt; b &amp; &quot;c&quot;");
  });
});
