import { describe, expect, it } from "vitest";
import { compileOk, evaluate, fakeHost } from "./helpers.ts";

/** Compile, run with `out(value)` collecting values, return them. */
function outputs(source: string, modules: Record<string, unknown> = {}): unknown[] {
  const values: unknown[] = [];
  evaluate(compileOk(source).code, fakeHost(modules), { out: (v: unknown) => values.push(v) });
  return values;
}

/** Each construct strips to JavaScript that evaluates to the same values. */
const CONSTRUCTS: [string, string, unknown][] = [
  ["type annotations", `let x: number = 1;\nconst s: string | null = "a";\nout(s + x);`, "a1"],
  ["return types", `function f(): string { return "r"; }\nconst g = (): number => 2;\nout(f() + g());`, "r2"],
  ["an arrow return type that spans lines", `const f = (a: number): Promise<\n  number\n> | number => a + 1;\nout(f(1));`, 2],
  ["generic declarations", `function id<T extends object = {}>(x: T): T { return x; }\nclass Box<T> { constructor(public v: T) {} }\nout(new Box<number>(id({ k: 1 })).v.k);`, 1],
  ["type arguments on calls and new", `const m = new Map<string, number>([["a", 1]]);\nconst ids = Array.of<number>(1, 2);\nout(m.get("a")! + ids.length);`, 3],
  ["type arguments on optional calls and tagged templates", `const t = (s: TemplateStringsArray) => s[0];\nconst o = { f<T>() { return 4; } };\nout(o?.f<string>() + t<string>\`x\`);`, "4x"],
  ["instantiation expressions", `function id<T>(x: T) { return x; }\nconst idn = id<number>;\nout(idn(5));`, 5],
  ["as and satisfies", `const v = ("abc" as unknown as string).length;\nconst c = { a: 1 } satisfies Record<string, number>;\nout(v + c.a + ([1] as const).length);`, 5],
  ["angle-bracket assertions, including at the start of a statement", `let n = 0;\n<any>(n = 7);\nout(<number>(<unknown>n));`, 7],
  ["non-null assertions", `const a: number[] | undefined = [1];\nout(a!.length + a![0]! + (a)!.length);`, 3],
  ["interfaces and type aliases", `interface P { x: number }\ntype Q = P | null;\nconst p: Q = { x: 2 };\nout(p!.x);`, 2],
  ["declarations with declare", `declare const env: string;\ndeclare function g(): void;\ndeclare class K {}\ndeclare enum E { A }\ndeclare global { interface Window { x: 1 } }\ndeclare module "m" {}\nout(typeof env);`, "undefined"],
  ["type-only imports and exports", `import type { Task } from "asyncio";\nexport type T = number;\nexport interface I {}\nexport type { T as U };\nout(1);`, 1],
  ["type-only import specifiers", `import { type Task, sleep, type Future } from "asyncio";\nout(typeof sleep);`, "function"],
  ["class modifiers", `abstract class Base {\n  protected abstract n(): number;\n  public readonly k: number = 1;\n  private static s = 2;\n  static total() { return Base.s; }\n}\nclass D extends Base {\n  protected override n() { return 3; }\n  public m() { return this.n() + this.k; }\n}\nout(new D().m() + Base.total());`, 6],
  ["optional parameters and members", `class C {\n  opt?: number;\n  m?(): void;\n  f(a?: number, b?: string) { return [a, b, this.opt]; }\n}\nconst g = (x?: number) => x;\nout([...new C().f(1), g()]);`, [1, undefined, undefined, undefined]],
  ["definite assignment", `let d!: number;\nd = 4;\nclass C { x!: string; }\nout(d + Object.keys(new C()).length);`, 5],
  ["implements clauses", `interface I { f(): number }\ninterface J {}\nclass C implements I, J { f() { return 5; } }\nclass D extends C implements I {}\nout(new D().f());`, 5],
  ["overload signatures", `function f(a: string): string;\nfunction f(a: number): number;\nfunction f(a: any) { return a; }\nclass C {\n  m(): number;\n  m(x: number): number;\n  m(x = 1) { return x; }\n}\nout(f(3) + new C().m());`, 4],
  ["this parameters", `function f(this: { v: number }, k: number) { return this.v + k; }\nfunction g(this: { v: number }) { return this.v; }\nout(f.call({ v: 1 }, 2) + g.call({ v: 1 }));`, 4],
  ["enums with automatic, explicit and computed values", `enum Color { Red, Green = 5, Blue }\nenum Flags { None = 0, A = 1 << 0, B = 1 << 1, AB = A | B }\nout([Color.Red, Color.Green, Color.Blue, Color[5], Flags.AB]);`, [0, 5, 6, "Green", 3]],
  ["string and const enums", `const enum Dir { Up = "UP", Down = "DOWN" }\nexport enum Quoted { "a-b" = 1, c }\nout([Dir.Up, Quoted["a-b"], Quoted.c, Object.keys(Dir).length]);`, ["UP", 1, 2, 2]],
  ["an enum spread over lines", `enum E {\n  A = 1,\n  B,\n}\nout(E.B);`, 2],
  ["parameter properties", `class P {\n  constructor(private x: number, public readonly y = 2) {}\n  sum() { return this.x + this.y; }\n}\nout(new P(1).sum());`, 3],
  ["parameter properties assigned after super()", `class B { constructor(public z: number) {} }\nclass D extends B {\n  constructor(public w: number) {\n    const z = w * 2;\n    super(z)\n    out(this.w);\n  }\n}\nconst d = new D(1);\nout([d.w, d.z]);`, [1, [1, 2]]],
  ["typed accessors, index signatures and catch clauses", `class Bag {\n  [k: string]: unknown;\n  private _v = 0;\n  get v(): number { return this._v; }\n  set v(x: number) { this._v = x; }\n}\nconst b = new Bag();\nb.v = 2;\ntry { throw b.v; } catch (e: unknown) { out(e); }`, 2],
  ["typed destructuring and rest parameters", `const { a, b }: { a: number; b: number } = { a: 1, b: 2 };\nfunction f({ x }: { x: number } = { x: 3 }, ...rest: number[]): number { return x + rest.length; }\nout(a + b + f(undefined, 1, 1));`, 8],
  ["generic arrows", `const first = <T,>(xs: T[]): T => xs[0];\nconst second = <T extends unknown>(xs: T[]) => xs[1];\nout(first([1, 2]) + second([1, 2]));`, 3],
];

describe("type stripping", () => {
  it.each(CONSTRUCTS)("strips %s to JavaScript that evaluates", (_, source, expected) => {
    const values = outputs(source, { asyncio: { sleep() {} } });
    expect(values.length === 1 ? values[0] : values).toEqual(expected);
  });

  it("replaces type-only text with spaces, so columns stay put", () => {
    const { code } = compileOk("let x: number = f<string>(y as T)!;");
    expect(code).toBe('"use strict";__al.l=1;let x         = f        (y     ) ;');
  });

  it("blanks a whole interface, keeping its lines and leaving a ; against ASI", () => {
    const source = "const f = g\ninterface I {\n  x: number;\n}\n(1)";
    const { code } = compileOk(source);
    expect(code.split("\n")[1]).toMatch(/^;\s*$/);
    expect(code.split("\n")).toHaveLength(5);
  });

  it("keeps a class field from swallowing the next member when modifiers before [key] are blanked", () => {
    const values = outputs(`class C {\n  x = 1\n  private ["k"]() { return 2; }\n  declare y: number\n  ["j"]() { return 3; }\n}\nconst c = new C();\nout(c.x + c.k() + c.j());`);
    expect(values).toEqual([6]);
  });

  it("moves the parameter list's ) after a return type that spans lines, since => may not follow a line break", () => {
    const { code } = compileOk("const f = (a): Map<\n  string,\n  number\n> => a;");
    expect(code.split("\n")[3]).toBe(") => a;");
  });

  it("keeps return, yield and throw attached to what follows a type list or cast that spans lines", () => {
    const source = [
      "function f() {",
      "  return<T>",
      "    (v: T) => v;",
      "}",
      "function g() {",
      "  return <any>",
      "    42;",
      "}",
      "function* h() {",
      "  yield<T>",
      "(v: T)=>v;",
      "}",
      "out([f()(1), g(), h().next().value(2)]);",
    ].join("\n");
    expect(outputs(source)).toEqual([[1, 42, 2]]);
  });

  it("keeps a cast object literal or function an expression once the cast is gone", () => {
    const source = "const f = (value: boolean) => <const>{ value };\n<any>function () { out(2); }();\nout(f(true));";
    expect(outputs(source)).toEqual([2, { value: true }]);
  });

  it("keeps what `as` applied to when erasing it would regroup the operators", () => {
    expect(outputs("const a = 2, b = 3, c = 4;\nout(a + b as unknown as number * c);\nout(a * b as number + c);\nout((a + b) satisfies number * c);")).toEqual([20, 10, 20]);
  });

  it("emits an enum as an object with reverse mappings on the enum's own lines", () => {
    const { code } = compileOk("enum Color {\n  Red,\n  Green = 5,\n}");
    expect(code.split("\n")).toHaveLength(4);
    const values: unknown[] = [];
    evaluate(code + "\nout(Color)", fakeHost(), { out: (v: unknown) => values.push(v) });
    expect(values[0]).toEqual({ Red: 0, 0: "Red", Green: 5, 5: "Green" });
  });
});
