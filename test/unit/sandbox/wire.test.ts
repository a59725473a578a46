import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { TraceRecorder, traceJson } from "../../../src/runtime/index.ts";
import { LIMITS, type RunReply } from "../../../src/sandbox/protocol.ts";
import { type RunResult, runSnippet } from "../../../src/sandbox/run.ts";
import { replyBytes } from "../../../src/sandbox/reply.ts";
import { decodeReply, encodeReply, packReply, unpackReply, WireError } from "../../../src/sandbox/wire.ts";

const result = (over: Partial<RunResult> = {}): RunResult => ({
  ok: true,
  output: [{ text: "hi\n", stream: "stdout", time: 0, task: null }],
  error: null,
  trace: null,
  stats: { compileMs: 1, runMs: 2, steps: 3, tasks: 1, virtualTime: 0 },
  ...over,
});

const GREETERS = `import * as asyncio from "asyncio";
async function greet(name: string) {
  print(\`Hello, \${name}!\`);
  await asyncio.sleep(1);
  print(\`Bye, \${name}!\`);
}
async function main() {
  await asyncio.gather(greet("Ada"), greet("Guido"));
  try {
    await asyncio.waitFor(asyncio.sleep(Infinity), 1);
  } catch {
    print("gave up");
  }
}
asyncio.run(main());
`;

describe("the run reply on the wire", () => {
  it("round-trips a run: its output, error, stats, and its trace column for column", () => {
    const run = runSnippet(GREETERS);
    const back = decodeReply(encodeReply({ runId: "abc", result: run }));
    expect(back.runId).toBe("abc");
    expect(back.result.output).toEqual(run.output.map((o) => ({ ...o, task: o.task ?? null })));
    expect(back.result.stats).toEqual(run.stats);
    expect(back.result.error).toEqual(run.error);
    expect(traceJson(back.result.trace!)).toEqual(traceJson(run.trace!));
  });

  it("carries a float JSON cannot (a sleep(Infinity) deadline) as it is", () => {
    const run = runSnippet(GREETERS);
    const back = decodeReply(encodeReply({ runId: "t", result: run })).result.trace!;
    expect(back.events().some((e) => e.kind === "timer.set" && e.when === Infinity)).toBe(true);
  });

  it("sends printed text once: the output items and the print events point into one strings table", () => {
    const run = runSnippet(GREETERS);
    const { head } = unpackReply(encodeReply({ runId: "t", result: run }));
    const strings = head.strings as string[];
    expect(strings.filter((s) => s === "Hello, Ada!\n")).toHaveLength(1);
    expect(new TextDecoder().decode(encodeReply({ runId: "t", result: run })).split("Hello, Ada!").length - 1).toBe(1);
  });

  it("holds no JSON of the events, and is a third of the JSON reply's size or less for a run of many tasks", () => {
    const many = runSnippet(`import * as asyncio from "asyncio";
const limit = new asyncio.Semaphore(10);
async function job(i: number) { await using _ = limit; await asyncio.sleep(1); }
async function main() { await asyncio.gather(...Array.from({ length: 1000 }, (_, i) => job(i))); }
asyncio.run(main());`);
    const bytes = encodeReply({ runId: "m", result: many });
    const json = new TextEncoder().encode(JSON.stringify({ ...many, trace: traceJson(many.trace!) })).byteLength;
    expect(bytes.byteLength * 3).toBeLessThan(json);
    expect(new TextDecoder().decode(bytes)).not.toContain('"kind":"step.end"');
  });

  it("leaves the trace out of a reply that would pass the size cap", () => {
    const big = result({ output: [{ text: "x".repeat(100), stream: "stdout", time: 0, task: null }] });
    const run = runSnippet(GREETERS);
    const huge = { ...run.trace!, columns: { ...run.trace!.columns, strings: [...run.trace!.columns.strings, "y".repeat(LIMITS.replyBytes)] } };
    const back = decodeReply(encodeReply({ runId: "b", result: { ...big, trace: huge as never } }));
    expect(back.result.trace).toBeNull();
    expect(back.result.output[0].text).toBe("x".repeat(100));
  });

  it("leaves the trace out of a reply whose strings the page would refuse as too long, though its bytes fit", () => {
    const run = runSnippet(GREETERS);
    const long = Array.from({ length: 9 }, (_, i) => String(i).repeat(1_000_000));
    const wordy = { ...run.trace!, columns: { ...run.trace!.columns, strings: [...run.trace!.columns.strings, ...long] } };
    const bytes = encodeReply({ runId: "w", result: { ...run, trace: wordy as never } });
    expect(bytes.byteLength).toBeLessThan(LIMITS.replyBytes);
    const back = decodeReply(bytes);
    expect(back.result.trace).toBeNull();
    expect(back.result.output.map((o) => o.text)).toEqual(run.output.map((o) => o.text));
  });

  it("refuses bytes that are not a reply, or whose arrays do not add up to its size", () => {
    expect(() => decodeReply(new TextEncoder().encode('{"v":1}').buffer as ArrayBuffer)).toThrow(WireError);
    expect(() => decodeReply(new ArrayBuffer(3))).toThrow(WireError);
    const good = encodeReply({ runId: "t", result: result() });
    expect(() => decodeReply(good.slice(0, good.byteLength - 8))).toThrow(/shorter than its counts/);
    const longer = new Uint8Array(good.byteLength + 16);
    longer.set(new Uint8Array(good));
    expect(() => decodeReply(longer.buffer)).toThrow(/longer than its counts/);
    const parts = unpackReply(good);
    expect(() => decodeReply(packReply({ ...parts, head: { ...parts.head, v: 1 } }))).toThrow(/not a run reply/);
  });
});

describe("a reply the worker builds (reply.ts)", () => {
  it("keeps a finished run's output within a reply's item limit: 250,000 short prints decode, the rest counted in a note", () => {
    const r = runSnippet("for (let i = 0; i < 250000; i++) print(1);\n", { trace: false });
    expect(r.ok).toBe(true);
    expect(r.output).toHaveLength(LIMITS.outputItems);
    expect(r.output[r.output.length - 1].text).toBe("... 50,001 more messages not shown (output limit).");
    const back = decodeReply(replyBytes("r", r)).result;
    expect(back.output).toHaveLength(LIMITS.outputItems);
  });
});

describe("a full trace", () => {
  it("keeps no text and no sleep of the events it drops: a print and sleep loop past the cap ships only what the kept events use", () => {
    const source = `import * as asyncio from "asyncio";
async function main() {
  for (let i = 0; i < 3000; i++) {
    print(\`line \${i}\`);
    await asyncio.sleep(i / 1000);
  }
}
asyncio.run(main());`;
    const run = runSnippet(source, { recorder: new TraceRecorder(200) });
    const c = run.trace!.columns;
    expect(run.trace!.truncated).toBe(true);
    expect(run.trace!.count).toBe(200);
    expect(c.sleeps.length).toBeLessThanOrEqual(200);
    expect(c.strings.length).toBeLessThan(250);
    expect(c.strings).not.toContain("line 2999\n");
    expect(run.output).toHaveLength(3000);
  });
});

describe("every lesson example's reply", () => {
  const examples = readdirSync("src/content/examples").flatMap((l) => readdirSync(`src/content/examples/${l}`).filter((f) => f.endsWith(".ts")).map((f) => `${l}/${f}`));

  // The page checks each trace where it lies (time never going back): a worker thread's events, stamped ahead of the loop, must come back in time order.
  it.each(examples)("%s: passes the page's checks with its whole trace", (file) => {
    const run = runSnippet(readFileSync(`src/content/examples/${file}`, "utf8"));
    expect(run.trace).not.toBeNull();
    const back = decodeReply(replyBytes("r", run)).result;
    expect(back.trace?.count).toBe(run.trace?.count);
    expect(back.output.map((o) => o.text)).toEqual(run.output.map((o) => o.text));
  });
});
