import { describe, expect, it } from "vitest";
import { compile } from "../../../src/sandbox/transform/compile.ts";
import { compileError } from "./helpers.ts";

/** [what, source, message, line, column]; all SyntaxErrors. */
const SYNTAX_ERRORS: [string, string, string, number, number][] = [
  ["a parse error, without acorn's position suffix", "let x = ;", "Unexpected token", 1, 8],
  ["await at the top level", "import * as asyncio from 'asyncio';\nawait asyncio.sleep(1);", "'await' outside async function", 2, 0],
  ["await in a plain function", "function f() {\n  await g();\n}", "'await' outside async function", 2, 2],
  ["await in a plain arrow inside an async function", "async function f() {\n  [1].map((x) => await x);\n}", "'await' outside async function", 2, 17],
  ["for await outside an async function", "function f() {\n  for await (const x of xs) {}\n}", "Unexpected token", 2, 6],
  ["an async generator function", "async function* ticks() {}", "async generators are not supported in snippets", 1, 0],
  ["an async generator method", "class C {\n  async *ticks() {}\n}", "async generators are not supported in snippets", 2, 2],
  ["an async generator in an object", "const o = { async *ticks() {} };", "async generators are not supported in snippets", 1, 12],
  ["await using outside an async function", "function f() {\n  await using r = open();\n}", "Await using cannot appear outside of async function", 2, 2],
  ["a namespace", "const a = 1;\nnamespace N { export const b = 1; }", "namespaces are not supported in snippets", 2, 0],
  ["a module declaration", "module M {}", "namespaces are not supported in snippets", 1, 0],
  ["a class decorator", "@sealed\nclass A {}", "decorators are not supported in snippets", 1, 0],
  ["a member decorator", "class A {\n  @log m() {}\n}", "decorators are not supported in snippets", 2, 2],
  ["import = require", 'import fs = require("fs");', "'import x = ...' is not supported in snippets: use import ... from", 1, 0],
  ["export =", "const a = 1;\nexport = a;", "'export =' is not supported in snippets", 2, 0],
  ["an accessor field", "class A {\n  accessor x = 1;\n}", "'accessor' fields are not supported in snippets", 2, 2],
  ["assigning to super inside an async method", "class A extends B {\n  async m() { super.x = 1; }\n}", "assigning to a super property inside an async function is not supported in snippets", 2, 14],
  ["super in an async arrow in a class field", "class A extends B {\n  f = async () => super.g();\n}", "'super' inside an async arrow in a class field is not supported in snippets", 2, 18],
];

describe("compile errors", () => {
  it.each(SYNTAX_ERRORS)("reports %s as a SyntaxError at its position", (_, source, message, line, column) => {
    expect(compileError(source)).toEqual({ name: "SyntaxError", message, line, column });
  });

  it("reports positions in the learner's text, past blank lines and comments", () => {
    expect(compileError("// a comment\n\n/* block\n */ const x: number = ;")).toMatchObject({ line: 4, column: 22 });
  });

  it("returns errors instead of throwing, for any input", () => {
    for (const source of ["", "}", "<<<", "async", "import", "enum {", "class { async }", "\u2028await"]) {
      expect(() => compile(source)).not.toThrow();
    }
    expect(compile("").ok).toBe(true);
  });
});
