import { describe, expect, it } from "vitest";
import { compileOk, drive, evaluate, fakeHost, type FakeCoroutine } from "./helpers.ts";

/** Compile and run a snippet; it hands values to the test with `out(v)`. */
function run(source: string): unknown[] {
  const values: unknown[] = [];
  evaluate(compileOk(source).code, fakeHost(), { out: (v: unknown) => values.push(v) });
  return values;
}

function coroutine(source: string): FakeCoroutine {
  return run(source).at(-1) as FakeCoroutine;
}

describe("async rewrite", () => {
  it("turns an async function into a plain function returning a coroutine, as specified", () => {
    const { code } = compileOk("async function greet(name: string) { return name; }");
    expect(code).toBe(
      '"use strict";      function* __al$greet(name        ) { __al.l=1;return name; } function greet() { return __al.co(__al$greet.apply(this, arguments), "greet"); }',
    );
  });

  it("runs none of the body when the function is called, all of it when the coroutine is stepped", () => {
    const log: string[] = [];
    const values: unknown[] = [];
    const source = "async function work(x: number) {\n  log.push(`body ${x}`);\n  return x * 2;\n}\nout(work(21));";
    evaluate(compileOk(source).code, fakeHost(), { out: (v: unknown) => values.push(v), log });
    const co = values[0] as FakeCoroutine;
    expect(log).toEqual([]);
    expect(co.name).toBe("work");
    expect(drive(co).result).toBe(42);
    expect(log).toEqual(["body 21"]);
  });

  it("makes async arrows, function expressions and methods lazy too", () => {
    const log: string[] = [];
    const source = [
      "const a = async () => log.push('arrow');",
      "const b = async function () { log.push('expr'); };",
      "const o = { async m() { log.push('object method'); } };",
      "class C { async m() { log.push('class method'); } static async s() { log.push('static'); } }",
      "out([a(), b(), o.m(), new C().m(), C.s()]);",
    ].join("\n");
    const values: unknown[] = [];
    evaluate(compileOk(source).code, fakeHost(), { out: (v: unknown) => values.push(v), log });
    expect(log).toEqual([]);
    for (const co of values[0] as FakeCoroutine[]) drive(co);
    expect(log).toEqual(["arrow", "expr", "object method", "class method", "static"]);
  });

  it("yields each awaited operand in order and resumes with the answer", () => {
    const co = coroutine("async function f() {\n  const a = await 1;\n  const b = await 'two';\n  return [a, b];\n}\nout(f());");
    const { result, yielded } = drive(co, (v) => `<${String(v)}>`);
    expect(yielded).toEqual([1, "two"]);
    expect(result).toEqual(["<1>", "<two>"]);
  });

  it("awaits a coroutine returned by another rewritten function", () => {
    const co = coroutine("async function inner(x: number) { return x + 1; }\nasync function outer() { return (await inner(1)) * 10; }\nout(outer());");
    expect(drive(co).result).toBe(20);
  });

  it("keeps await's precedence: it binds tighter than any binary operator", () => {
    const co = coroutine(
      "async function f(a: number, b: number) {\n" +
        "  return [await a + b, await a * b, -await a, typeof await a, await (a + b), `${await a}!`, a + await b * 1, await await a, (await a) > 1 ? await b : 0];\n" +
        "}\nout(f(2, 3));",
    );
    const { result, yielded } = drive(co);
    expect(result).toEqual([5, 6, -2, "number", 5, "2!", 5, 2, 3]);
    expect(yielded).toEqual([2, 2, 2, 2, 5, 2, 3, 2, 2, 2, 3]);
  });

  it("keeps an await whose operand starts on the next line attached to it", () => {
    const co = coroutine("async function f() {\n  const x = await\n    7;\n  return x;\n}\nout(f());");
    expect(drive(co)).toEqual({ result: 7, yielded: [7] });
  });

  it("returns an expression body that starts on the line after =>", () => {
    const co = coroutine("const f = async () =>\n  await 5;\nout(f());");
    expect(drive(co).result).toBe(5);
  });

  it.each([
    ["a function declaration", "async function greet() {}\nout(greet());", "greet"],
    ["a method", "class Greeter { async hello() {} }\nout(new Greeter().hello());", "Greeter.hello"],
    ["a static method", "class Greeter { static async make() {} }\nout(Greeter.make());", "Greeter.make"],
    ["a private method", "class C { async #p() {} run() { return this.#p(); } }\nout(new C().run());", "C.#p"],
    ["a computed method", "const k = 'dyn';\nclass C { async [k]() {} }\nout(new C()[k]());", "C.[k]"],
    ["a nested function", "function outer() { async function inner() {} return inner(); }\nout(outer());", "outer.<locals>.inner"],
    ["an arrow in a variable", "const f = async () => 1;\nout(f());", "f"],
    ["an arrow in a function", "function plain() { const worker = async () => 1; return worker(); }\nout(plain());", "plain.<locals>.worker"],
    ["an anonymous arrow", "out([1].map(async (u) => u)[0]);", "<lambda>"],
    ["an anonymous arrow inside an async function", "async function main() { return [1].map(async (u) => u)[0]; }\nout(main().gen.next().value);", "main.<locals>.<lambda>"],
    ["an object property arrow", "const o = { f: async () => 1 };\nout(o.f());", "f"],
    ["an object method", "const o = { async m() {} };\nout(o.m());", "m"],
    ["a quoted object key", "const o = { 'quoted-key': async () => 1 };\nout(o['quoted-key']());", "quoted-key"],
    ["a named function expression", "const g = async function named() {};\nout(g());", "named"],
    ["an assigned arrow", "let h;\nh = async () => 1;\nout(h());", "h"],
    ["a default parameter", "function d(cb = async () => 1) { return cb(); }\nout(d());", "cb"],
    ["a cast arrow", "const f = (async () => 1) as unknown as () => unknown;\nout(f());", "f"],
    ["a class expression's method", "const K = class { async m() {} };\nout(new K().m());", "K.m"],
    ["a method of a class in a function", "function factory() { class Local { async m() {} } return new Local().m(); }\nout(factory());", "factory.<locals>.Local.m"],
    ["a field arrow", "class C { handler = async () => 1; }\nout(new C().handler());", "C.handler"],
    ["a nested class's method", "class Outer { static Inner = class { async m() {} }; }\nout(new Outer.Inner().m());", "Outer.Inner.m"],
  ])("names %s after Python's __qualname__", (_, source, qualname) => {
    expect(coroutine(source).name).toBe(qualname);
  });

  it("gives the body the caller's this and arguments", () => {
    const co = coroutine(
      "const o = {\n  v: 7,\n  async m(a: number, ..._rest: number[]) {\n    const inner = async () => this.v + arguments.length;\n    return [this.v, arguments.length, a, await inner()];\n  },\n};\nout(o.m(1, 2, 3));",
    );
    expect(drive(co).result).toEqual([7, 3, 1, 10]);
  });

  it("passes an arrow the arguments of the function around it only when it reads them", () => {
    const { code } = compileOk("function outer(x: number) {\n  const a = async () => arguments[0];\n  const b = async () => x;\n  return [a(), b()];\n}");
    expect(code).toContain('.apply(this, arguments), "outer.<locals>.a")');
    expect(code).toContain('.call(this), "outer.<locals>.b")');
    const values = run(code.replace(/^"use strict";/, "") + "\nout(outer(9).map((c) => c.gen.next().value));");
    expect(values[0]).toEqual([9, 9]);
  });

  it("evaluates parameter defaults when the function is called, before the body is stepped", () => {
    const values = run("let n = 0;\nasync function f(x = ++n, { y } = { y: n }) { return [x, y]; }\nconst c = f();\nout(n);\nout(c);");
    expect(values[0]).toBe(1);
    expect(drive(values[1] as FakeCoroutine).result).toEqual([1, 1]);
  });

  it("reaches super from async methods and the arrows inside them", () => {
    const co = coroutine(
      [
        "class A {",
        "  get g() { return 'g'; }",
        "  async hi(x: string) { return 'A' + x; }",
        "}",
        "class B extends A {",
        "  async hi(x: string) {",
        "    const s = await super.hi(x);",
        "    const viaArrow = async () => await super['hi']('z');",
        "    return s + super.g + (await viaArrow());",
        "  }",
        "  plain() { const f = async () => super.g; return f(); }",
        "}",
        "const b = new B();",
        "out(b.plain());",
        "out(b.hi('y'));",
      ].join("\n"),
    );
    expect(drive(co).result).toBe("AygAz");
    expect(drive(run("class A { get g() { return 'g'; } }\nclass B extends A { plain() { const f = async () => super.g; return f(); } }\nout(new B().plain());")[0] as FakeCoroutine).result).toBe("g");
  });

  it("leaves plain generators and plain functions alone", () => {
    const values = run("function* g() { yield 1; yield 2; }\nfunction h() { return 3; }\nout([...g(), h()]);");
    expect(values[0]).toEqual([1, 2, 3]);
  });

  it("does not touch async or await inside strings, templates, regexes and comments", () => {
    const source = "const s = 'async await';\nconst t = `await ${'async'} x`;\nconst r = /await async/;\n// async function f() { await x }\n/* await */\nout([s, t, r.source]);";
    expect(run(source)[0]).toEqual(["async await", "await async x", "await async"]);
  });
});
