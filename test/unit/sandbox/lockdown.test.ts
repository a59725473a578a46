/**
 * The lockdown (src/sandbox/lockdown.ts): hardening on objects of the
 * test's own, and — in a child process, since a lockdown cannot be undone —
 * the whole runtime locked down as the worker does it: every conformance
 * scenario and lesson example prints what it prints unlocked, and no
 * hostile snippet changes what the next run prints.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { harden, OVERRIDABLE, unfrozen } from "../../../src/sandbox/lockdown.ts";
import { runSnippet } from "../../../src/sandbox/run.ts";

const here = new URL(".", import.meta.url).pathname;
const root = join(here, "../../..");

function programs(): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (dir: string) => {
    for (const f of readdirSync(join(root, dir))) if (f.endsWith(".ts")) out[`${dir}/${f}`] = readFileSync(join(root, dir, f), "utf8");
  };
  add("test/conformance/oracle");
  add("test/conformance/extra");
  for (const lesson of readdirSync(join(root, "src/content/examples"))) add(`src/content/examples/${lesson}`);
  // The "override mistake", tamed: assigning an inherited built-in property still works.
  out.overrides = `class MyError extends Error { constructor(m: string) { super(m); this.name = "MyError"; } }
try { throw new MyError("boom"); } catch (e: any) { print(e.name, e.message); }
const o: any = {}; o.toString = () => "mine"; print(String(o));
const f: any = function () {}; f.toString = () => "fn"; print(String(f));`;
  return out;
}

const HEAD = 'import * as asyncio from "asyncio";\n';
/** Runs after each attack; its output must not change. */
const CANARY = `${HEAD}async function f(x: number) { await asyncio.sleep(x); return [x, String({}), JSON.stringify({ a: x })]; }
async function main() {
  const r = await asyncio.gather(f(1), f(2));
  const a: number[] = [];
  a.push(3);
  const t = asyncio.createTask(f(0.5));
  await asyncio.sleep(0);
  print(r, a, asyncio.getRunningLoop().time(), await t, [1, 2, 3].map((x) => x * 2), Math.max(1, 2));
}
asyncio.run(main());`;

/** Snippets that try to change what later runs rely on. */
const ATTACKS: Record<string, string> = {
  "Array.prototype.push": "Array.prototype.push = function () { return 0; };",
  "Object.prototype.toString": 'Object.prototype.toString = () => "pwned";',
  "a new Object.prototype property": 'Object.defineProperty(Object.prototype, "evil", { get() { return 1; } });',
  "Promise.prototype.then": "(Promise.prototype as any).then = function () {};",
  "Function.prototype.call": "(Function.prototype as any).call = function () { return 42; };",
  "JSON.stringify": 'JSON.stringify = () => "{}";',
  "Math.max": "(Math as any).max = () => -1;",
  "the asyncio module": `${HEAD}(asyncio as any).sleep = async () => 0; (asyncio as any).gather = () => 0;`,
  "the loop's class": `${HEAD}async function main() { const p = Object.getPrototypeOf(asyncio.getRunningLoop()); p.time = () => 999; p.callLater = () => null; }\nasyncio.run(main());`,
  "the task's class": `${HEAD}async function main() { const p: any = Object.getPrototypeOf(asyncio.currentTask()); p.cancel = () => false; p.done = () => true; }\nasyncio.run(main());`,
  "a sleep's internals": `${HEAD}async function main() { const c: any = asyncio.sleep(1); const p = Object.getPrototypeOf(c); p.next = () => ({ done: true, value: 0 }); await c; }\nasyncio.run(main());`,
  "the generator prototype": "function* g() {} const p: any = Object.getPrototypeOf(Object.getPrototypeOf(g())); p.next = () => ({ done: true });",
  "print's repr": "(print as any).__proto__.toString = () => 'x'; (repr as any).call = () => 'x';",
  "an exception class": "(ValueError as any).prototype.toString = () => 'x'; (Exception as any).pyName = 'Nope';",
};

describe("harden", () => {
  it("freezes an object graph through values, accessors and prototypes, and leaves skipped objects alone", () => {
    const proto = Object.create(null) as Record<string, unknown>;
    const inner = Object.create(null) as Record<string, unknown>;
    const getter = () => 1;
    const graph = Object.create(proto) as Record<string, unknown>;
    graph.inner = inner;
    Object.defineProperty(graph, "acc", { get: getter, configurable: true });
    const skipped = Object.create(null) as Record<string, unknown>;
    graph.skipped = skipped;
    const { frozen, failures } = harden([graph], [skipped, Function.prototype]);
    expect(failures).toEqual([]);
    expect(frozen).toBe(4);
    for (const o of [graph, proto, inner, getter]) expect(Object.isFrozen(o)).toBe(true);
    expect(Object.isFrozen(skipped)).toBe(false);
    expect(unfrozen([graph], [skipped, Function.prototype])).toEqual([]);
  });

  it("reports what it could not freeze, and unfrozen() lists what is left mutable", () => {
    const typed = new Uint8Array(2);
    Object.setPrototypeOf(typed, null);
    const { failures } = harden([typed]);
    expect(failures.length).toBe(1);
    const open = Object.create(null) as Record<string, unknown>;
    expect(unfrozen([open]).length).toBe(1);
  });

  it("names the properties it tames for ordinary code that assigns them", () => {
    expect(OVERRIDABLE["Object.prototype"]).toContain("toString");
    expect(OVERRIDABLE["Error.prototype"]).toContain("name");
    expect(Object.isFrozen(OVERRIDABLE)).toBe(true);
  });
});

describe("lockdown of the runtime (in a child process)", () => {
  const text = (source: string) => {
    const r = runSnippet(source, { trace: true });
    return { output: r.output.map((o) => o.text).join(""), error: r.error ? `${r.error.name}: ${r.error.message}` : null };
  };
  const all = programs();
  const child = spawnSync(process.execPath, [join(here, "locked-realm.ts")], {
    input: JSON.stringify({ programs: all, attacks: ATTACKS, canary: CANARY }),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const locked = () => {
    if (child.status !== 0) throw new Error(`the locked-down child failed: ${child.stderr}`);
    return JSON.parse(child.stdout) as {
      report: { frozen: number; failures: string[] };
      outputs: Record<string, { output: string; error: string | null }>;
      attacks: Record<string, { attack: { output: string; error: string | null }; canary: { output: string; error: string | null } }>;
      unfrozen: string[];
    };
  };

  it("freezes thousands of objects without a failure, and leaves no runtime object mutable", () => {
    const r = locked();
    expect(r.report.failures).toEqual([]);
    expect(r.report.frozen).toBeGreaterThan(1000);
    expect(r.unfrozen).toEqual([]);
  });

  it("changes no program's output: every conformance scenario and lesson example prints what it prints unlocked", () => {
    const r = locked();
    expect(Object.keys(r.outputs).length).toBeGreaterThan(50);
    for (const [name, source] of Object.entries(all)) expect(r.outputs[name], name).toEqual(text(source));
  }, 120_000); // a hundred programs: generous on a busy machine

  it.each(Object.keys(ATTACKS))("keeps the next run intact after a snippet tampers with %s", (name) => {
    const r = locked().attacks[name];
    expect(r.canary).toEqual(text(CANARY));
    expect(r.canary.error).toBeNull();
    // Nothing gets through silently: the tampering snippet itself gets an error (snippets run in strict mode).
    expect(r.attack.error, name).toMatch(/^TypeError: /);
  });
});
