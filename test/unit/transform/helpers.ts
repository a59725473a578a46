/**
 * Test helpers for the snippet compiler: compile-or-fail, evaluate generated
 * code against a fake host, and structural checks every output must pass.
 */
import { expect } from "vitest";
import { compile, type CompileOptions } from "../../../src/sandbox/transform/compile.ts";

export type Compiled = Extract<ReturnType<typeof compile>, { ok: true }>;

/** Compile, failing the test with the compile error if there is one; also checks the line invariants. */
export function compileOk(source: string, options?: CompileOptions): Compiled {
  const r = compile(source, options);
  if (!r.ok) throw new Error(`unexpected compile error: ${r.error.name}: ${r.error.message} at ${r.error.line}:${r.error.column}`);
  expectLineExact(source, r.code, options?.host ?? "__al");
  return r;
}

/** The compile error for a source that must not compile. */
export function compileError(source: string, options?: CompileOptions) {
  const r = compile(source, options);
  if (r.ok) throw new Error(`expected a compile error, got:\n${r.code}`);
  return r.error;
}

const BREAKS = /\r\n?|[\n\u2028\u2029]/g;

/** Line N of the output is line N of the source, and every marker carries the line it sits on. */
export function expectLineExact(source: string, code: string, host = "__al"): void {
  expect(code.match(BREAKS)?.length ?? 0).toBe(source.match(BREAKS)?.length ?? 0);
  const marker = new RegExp(`${host.replace(/\$/g, "\\$")}\\.l=(\\d+);`, "g");
  code.split(BREAKS).forEach((text, i) => {
    for (const m of text.matchAll(marker)) expect(Number(m[1]), `marker on output line ${i + 1}`).toBe(i + 1);
  });
}

/** A coroutine object as the fake host builds it: the generator and the qualname, nothing run yet. */
export interface FakeCoroutine {
  gen: Generator<unknown, unknown, unknown>;
  name: string;
}

/** The host interface the generated code uses, recording what it is told. */
export interface FakeHost {
  l: number;
  co(gen: Generator<unknown, unknown, unknown>, name: string): FakeCoroutine;
  at<T>(value: T, line: number): T;
  imp(module: string, names?: string[]): unknown;
  imported: { module: string; names?: string[] }[];
}

export function fakeHost(modules: Record<string, unknown> = {}): FakeHost {
  const host: FakeHost = {
    l: 0,
    co: (gen, name) => ({ gen, name }),
    at(value, line) {
      host.l = line;
      return value;
    },
    imp(module, names) {
      host.imported.push({ module, names });
      return modules[module] ?? {};
    },
    imported: [],
  };
  return host;
}

/** Run generated code as the runner would: the body of a function taking the host (plus any globals). */
export function evaluate(code: string, host: unknown, globals: Record<string, unknown> = {}, hostName = "__al"): unknown {
  const fn = new Function(hostName, ...Object.keys(globals), code);
  return fn(host, ...Object.values(globals));
}

/**
 * Drive a fake coroutine to completion, answering each yielded value with
 * `answer(value)` (a yielded coroutine is driven inline, as awaiting a
 * coroutine does in Python). Returns the result and what was yielded.
 */
export function drive(co: FakeCoroutine, answer: (yielded: unknown) => unknown = (v) => v): { result: unknown; yielded: unknown[] } {
  const yielded: unknown[] = [];
  const step = (gen: FakeCoroutine["gen"]): unknown => {
    let r = gen.next();
    while (!r.done) {
      const v = r.value;
      yielded.push(v);
      r = gen.next(isCoroutine(v) ? step(v.gen) : answer(v));
    }
    return r.value;
  };
  return { result: step(co.gen), yielded };
}

export function isCoroutine(v: unknown): v is FakeCoroutine {
  return typeof v === "object" && v !== null && "gen" in v && "name" in v;
}
