/** The terminal runner, as a process: output, exit status, Python's words on stderr, traces. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "async-lab-cli-"));

function cli(source: string, ...args: string[]) {
  const file = join(dir, `s${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(file, source);
  const r = spawnSync(process.execPath, ["bin/async-lab.mjs", "run", file, ...args], { encoding: "utf8", timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const GREET = `import * as asyncio from "asyncio";
import * as time from "time";
async function greet(name: string) {
  print(\`Hello, \${name}!\`);
  await asyncio.sleep(1);
  print(\`Goodbye, \${name}!\`);
}
async function main() {
  await asyncio.gather(greet("Alice"), greet("Bob"));
  print("took", time.monotonic());
}
asyncio.run(main());
`;

describe("npx async-lab run", () => {
  it("prints the program's output on stdout and exits 0", () => {
    const r = cli(GREET);
    expect(r.stdout).toBe("Hello, Alice!\nHello, Bob!\nGoodbye, Alice!\nGoodbye, Bob!\ntook 1\n");
    expect(r.status).toBe(0);
  });

  it("writes Python's error words and a traceback on stderr and exits 1 when the program raises", () => {
    const r = cli('import * as asyncio from "asyncio";\nasync function main() { new asyncio.Semaphore(-1); }\nasyncio.run(main());\n');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("Traceback (most recent call last):");
    expect(r.stderr).toContain("ValueError: Semaphore initial value must be >= 0");
  });

  it("writes the trace as JSON, or as Trace Event Format for Perfetto", () => {
    const json = join(dir, "t.json");
    expect(cli(GREET, "--trace", json).status).toBe(0);
    const trace = JSON.parse(readFileSync(json, "utf8"));
    expect(trace.version).toBe(1);
    expect(trace.tasks.map((t: { name: string }) => t.name)).toEqual(["Task-1", "Task-2", "Task-3"]);
    const tef = join(dir, "p.json");
    expect(cli(GREET, "--trace", tef, "--format", "perfetto").status).toBe(0);
    const events = JSON.parse(readFileSync(tef, "utf8")).traceEvents;
    expect(events.some((e: { ph: string; name: string }) => e.ph === "X" && e.name === "waits: sleep 1 s")).toBe(true);
  });

  it("writes the trace of a run a budget stopped: its start, as the browser draws it (no crash past the page's 400,000-event cap)", () => {
    const json = join(dir, "stopped.json");
    const r = cli('import * as asyncio from "asyncio";\nasync function main() { while (true) await asyncio.sleep(0); }\nasyncio.run(main());\n', "--trace", json);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toContain("WireError");
    const trace = JSON.parse(readFileSync(json, "utf8"));
    expect(trace.events.length).toBeGreaterThan(1000);
    expect(trace.events.length).toBeLessThanOrEqual(100_000);
  });

  it("stops a program that never yields after --timeout seconds and says so", () => {
    const r = cli("while (true) {}\n", "--timeout", "3");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("did not finish within 3 s");
  });

  it("explains its usage on bad arguments with exit status 2", () => {
    const r = spawnSync(process.execPath, ["bin/async-lab.mjs", "lint"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("usage: async-lab run FILE.ts");
  });
});

describe("npx async-lab check", () => {
  const exercise = "src/content/exercises/01-why-async/overlap-the-waits";
  const check = (file: string, ...args: string[]) => spawnSync(process.execPath, ["bin/async-lab.mjs", "check", file, ...args], { encoding: "utf8", timeout: 120_000 });

  it("runs a file, then the exercise's checks with the page's words, and exits 1 while one fails", () => {
    const r = check(`${exercise}/starter.ts`, "--exercise", "overlap-the-waits");
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("page 1: 200\n");
    expect(r.stdout).toContain('Checks for "Five downloads in one second" (overlap-the-waits):');
    expect(r.stdout).toContain("  ✗ Takes at most 1.5 s of loop time: took 5.0 s of loop time\n");
    expect(r.stdout).toMatch(/\d of \d checks still fail\.\n$/);
  });

  it("exits 0 when every check passes", () => {
    const r = check(`${exercise}/solution.ts`, "--exercise", "overlap-the-waits");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("  ✓ Takes at most 1.5 s of loop time: took 1.0 s of loop time\n");
    expect(r.stdout).toMatch(/Solved: every check passes\.\n$/);
  });

  it("names the exercises there are when the id is unknown, and asks for one when it is missing", () => {
    const unknown = check(`${exercise}/solution.ts`, "--exercise", "no-such-thing");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/no exercise "no-such-thing" \(have: .*overlap-the-waits/);
    const missing = check(`${exercise}/solution.ts`);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("check needs --exercise ID");
  });
});
