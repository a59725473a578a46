import { describe, expect, it } from "vitest";
import { compileOk, evaluate, fakeHost, isCoroutine, type FakeCoroutine } from "./helpers.ts";

/** Markers on each output line, as [line, [marked lines...]]. */
function markersByLine(code: string): number[][] {
  return code.split("\n").map((text) => [...text.matchAll(/__al\.l=(\d+);/g)].map((m) => Number(m[1])));
}

/** Step a coroutine, recording the host's line each time it yields. */
function linesAtYields(source: string): number[] {
  const host = fakeHost();
  const values: unknown[] = [];
  evaluate(compileOk(source).code, host, { out: (v: unknown) => values.push(v), g: () => 0 });
  const lines: number[] = [];
  const step = (co: FakeCoroutine) => {
    for (let r = co.gen.next(); !r.done; r = co.gen.next(r.value)) {
      lines.push(host.l);
      if (isCoroutine(r.value)) step(r.value);
    }
  };
  step(values[0] as FakeCoroutine);
  return lines;
}

describe("line markers", () => {
  it("marks every statement of a list with its own line, after a strict-mode prologue on line 1", () => {
    const source = "const a = 1;\nlet b = a +\n  2;\nif (a) {\n  b++;\n} else b--;\nswitch (b) {\n  case 3: b = 0; break;\n  default:\n    b = 1;\n}";
    const { code } = compileOk(source);
    expect(code.startsWith('"use strict";__al.l=1;const a = 1;')).toBe(true);
    expect(markersByLine(code)).toEqual([[1], [2], [], [4], [5], [], [7], [8, 8], [], [10], []]);
  });

  it("skips directives, function declarations, erased types, labels' loops and brace-less bodies", () => {
    const source = [
      '"use strict";',
      "function f() {",
      '  "use strict";',
      "  return 1;",
      "}",
      "type T = number;",
      "outer: for (;;) break outer;",
      "if (f()) f();",
      "while (false) f();",
    ].join("\n");
    const { code } = compileOk(source);
    expect(markersByLine(code)).toEqual([[], [], [], [4], [], [], [7], [8], [9]]);
    expect(code).toContain("__al.l=7;outer: for (;;) break outer;");
    expect(code).toContain("__al.l=8;if (f()) f();");
  });

  it("sets the line when a statement runs, including inside loops", () => {
    const host = fakeHost();
    const seen: number[] = [];
    const source = "for (let i = 0; i < 2; i++) {\n  seen.push(__line());\n}\nseen.push(__line());";
    evaluate(compileOk(source).code, host, { seen, __line: () => host.l });
    expect(seen).toEqual([2, 2, 4]);
  });

  it("leaves an await on the statement's line as a plain yield", () => {
    const { code } = compileOk("async function f() {\n  await g();\n}");
    expect(code.split("\n")[1]).toBe("  __al.l=2;(yield g());");
  });

  it("gives an await on another line than its statement its own line, set after the operand is evaluated", () => {
    const source = "async function f() {\n  const x = g(1,\n    await g(2));\n  return x;\n}";
    const { code } = compileOk(source);
    expect(code.split("\n")[2]).toBe("    (yield __al.at( g(2), 3)));");
  });

  it("tags awaits in loop tests and updates, which run after the loop body moved the line", () => {
    const source = "async function f() {\n  let i = 0;\n  while (await g()) { i++; }\n  for (; i < 1; i = await g()) { i++; }\n  do { i++; } while (await g());\n}";
    const { code } = compileOk(source);
    expect(code).toContain("while ((yield __al.at( g(), 3)))");
    expect(code).toContain("i = (yield __al.at( g(), 4))");
    expect(code).toContain("while ((yield __al.at( g(), 5)))");
  });

  it("marks an async arrow's expression body on the line of its =>, tagging awaits on later lines", () => {
    const { code } = compileOk("const f = async () => await g();\nconst h = async () =>\n  await g();");
    expect(code).toContain("__al.co(function* () { __al.l=1; return (yield g()); }");
    expect(code).toContain("__al.co(function* () { __al.l=2; return (\n  (yield __al.at( g(), 3))); }");
  });

  it("makes a plain function that sets markers give the caller's line back when it returns", () => {
    const source = "class C {\n  get summary() {\n    return 'x';\n  }\n}\nconst c = new C();\nseen.push([c.summary, __line()]);\nfunction noMarkers() {}";
    const { code } = compileOk(source);
    expect(code).toContain("get summary() { const __al$l = __al.l; try {");
    expect(code).toContain("} finally { __al.l = __al$l; } }");
    expect(code).toContain("function noMarkers() {}");
    const host = fakeHost();
    const seen: unknown[] = [];
    evaluate(code, host, { seen, __line: () => host.l });
    expect(seen).toEqual([["x", 7]]);
  });

  it("reports the line of each await at the moment it yields", () => {
    const source = [
      "async function helper() {",
      "  await 'in helper';",
      "}",
      "async function main() {",
      "  await helper();",
      "  const parts = [",
      "    await 'second line',",
      "  ];",
      "  if (parts)",
      "    await 'brace-less';",
      "}",
      "out(main());",
    ].join("\n");
    expect(linesAtYields(source)).toEqual([5, 2, 7, 10]);
  });
});

describe("PositionMap from compile", () => {
  it("maps a V8 stack position in the generated code back to the learner's column", () => {
    const source = "import * as asyncio from 'asyncio';\nasync function main(): Promise<void> { await asyncio.sleep(1); throw new Error('boom'); }\nout(main());";
    const { code, map } = compileOk(source);
    const values: unknown[] = [];
    evaluate(code, fakeHost({ asyncio: { sleep: () => 1 } }), { out: (v: unknown) => values.push(v) });
    const co = values[0] as FakeCoroutine;
    co.gen.next();
    let stack = "";
    try {
      co.gen.next();
    } catch (e) {
      stack = (e as Error).stack ?? "";
    }
    // new Function puts two header lines before the body; V8 columns are 1-based.
    const m = /<anonymous>:(\d+):(\d+)/.exec(stack)!;
    const generated = { line: Number(m[1]) - 2, column: Number(m[2]) - 1 };
    expect(generated.column).not.toBe(source.split("\n")[1].indexOf("new Error"));
    expect(map.toSource(generated.line, generated.column)).toEqual({ line: 2, column: source.split("\n")[1].indexOf("new Error") });
  });

  it("maps every source token back to its own position", () => {
    const source = "async function alpha(beta: number) {\n  const gamma = await delta(beta) + epsilon;\n  return zeta<string>(gamma as any);\n}";
    const { code, map } = compileOk(source);
    const src = source.split("\n");
    const gen = code.split("\n");
    for (const word of ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "return"]) {
      const line = src.findIndex((l) => l.includes(word));
      expect(map.toSource(line + 1, gen[line].indexOf(word))).toEqual({ line: line + 1, column: src[line].indexOf(word) });
    }
  });

  it("maps inserted text to where it was inserted", () => {
    const arrow = compileOk("const f = async () => { return 1; };");
    expect(arrow.map.toSource(1, arrow.code.indexOf("__al.co"))).toEqual({ line: 1, column: "const f = async () => ".length });
    const declaration = compileOk("async function f() { return 1; }");
    expect(declaration.map.toSource(1, declaration.code.indexOf("__al.co"))).toEqual({ line: 1, column: "async function f() { return 1; }".length });
  });
});
