import { describe, expect, it } from "vitest";
import type { RunResult } from "../../../src/sandbox/run.ts";
import { decodeReply, encodeReply, type RunReply } from "../../../src/sandbox/wire.ts";

const result = (over: Partial<RunResult> = {}): RunResult => ({
  ok: true,
  output: [{ text: "hi\n", stream: "stdout", time: 0, task: null }],
  error: null,
  trace: null,
  stats: { compileMs: 1, runMs: 2, steps: 3, tasks: 1, virtualTime: 0 },
  ...over,
});

describe("the run reply on the wire", () => {
  it("round-trips a reply, numbers JSON cannot carry included", () => {
    const reply: RunReply = { v: 1, runId: "abc", retire: false, result: result({ stats: { compileMs: Infinity, runMs: -Infinity, steps: Number.NaN, tasks: 0, virtualTime: 1 } }) };
    const back = decodeReply(encodeReply(reply)) as RunReply;
    expect(back.result.stats).toEqual({ compileMs: Infinity, runMs: -Infinity, steps: Number.NaN, tasks: 0, virtualTime: 1 });
    expect(back.runId).toBe("abc");
  });

  it("round-trips a non-finite number deep inside a trace, and plain traces as they are", () => {
    const trace = { version: 1 as const, tasks: [], primitives: [], endTime: 0, truncated: false, events: [{ seq: 0, t: 0, line: 2, kind: "timer.set" as const, timer: 1, when: Infinity, label: "sleep inf s", task: 1 }] };
    const back = decodeReply(encodeReply({ v: 1, runId: "t", retire: false, result: result({ trace }) })) as RunReply;
    expect(back.result.trace?.events[0]).toEqual(trace.events[0]);
    const finite = { ...trace, events: [{ ...trace.events[0], when: 2.5 }] };
    const bytes = encodeReply({ v: 1, runId: "t", retire: false, result: result({ trace: finite }) });
    expect(new TextDecoder().decode(bytes)).not.toContain("$num");
    expect((decodeReply(bytes) as RunReply).result.trace).toEqual(finite);
  });

  it("leaves text that looks like an encoded number alone", () => {
    const reply: RunReply = { v: 1, runId: "x", retire: false, result: result({ output: [{ text: '{"$num":"Infinity"}', stream: "stdout", time: 0, task: null }] }) };
    expect((decodeReply(encodeReply(reply)) as RunReply).result.output[0].text).toBe('{"$num":"Infinity"}');
  });

  it("refuses bytes that are not UTF-8 JSON", () => {
    expect(() => decodeReply(new Uint8Array([0xff, 0xfe, 0x7b]).buffer)).toThrow();
    expect(() => decodeReply(new TextEncoder().encode("{not json").buffer)).toThrow();
  });
});
