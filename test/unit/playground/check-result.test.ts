import { describe, expect, it } from "vitest";
import { checkReply, checkResult } from "../../../src/components/playground/check-result.ts";
import { runSnippet } from "../../../src/sandbox/run.ts";
import { encodeReply, MAX_REPLY_BYTES } from "../../../src/sandbox/wire.ts";

const bytes = (doc: unknown) => new TextEncoder().encode(JSON.stringify(doc)).buffer as ArrayBuffer;
const real = runSnippet('import * as asyncio from "asyncio";\nasync function main() { print("<b>hi</b>"); await asyncio.sleep(1); }\nasyncio.run(main());');
const plain = () => JSON.parse(JSON.stringify(real)) as Record<string, unknown>;

describe("checkReply", () => {
  it("accepts a real run's reply, trace included, tied to its run", () => {
    const r = checkReply(encodeReply({ v: 1, runId: "run-1", retire: false, result: real }), "run-1");
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.result.output[0].text).toBe("<b>hi</b>\n");
      expect(r.result.trace?.events.length).toBeGreaterThan(3);
    }
  });

  it("refuses a reply naming another run, an oversized one, and one that is not a JSON run reply", () => {
    expect(checkReply(encodeReply({ v: 1, runId: "run-1", retire: false, result: real }), "run-2")).toEqual({ ok: false, why: "the reply names another run" });
    expect(checkReply(new ArrayBuffer(MAX_REPLY_BYTES + 1), "r")).toEqual({ ok: false, why: "the reply is too large" });
    expect(checkReply({ v: 1 }, "r").ok).toBe(false);
    expect(checkReply(new TextEncoder().encode("<html>").buffer, "r")).toEqual({ ok: false, why: "the reply is not JSON" });
    expect(checkReply(bytes({ v: 2, runId: "r", retire: false, result: real }), "r")).toEqual({ ok: false, why: "the reply is not a run reply" });
  });
});

describe("checkResult", () => {
  it.each([
    ["an output item with a non-string text", (r: Record<string, any>) => (r.output[0].text = { toString: 1 })],
    ["an unknown stream", (r: Record<string, any>) => (r.output[0].stream = "html")],
    ["a non-finite time", (r: Record<string, any>) => (r.output[0].time = "0")],
    ["a trace event of an unknown kind", (r: Record<string, any>) => r.trace.events.push({ kind: "eval", t: 0, seq: 0, line: 0 })],
    ["a trace event with an extra field", (r: Record<string, any>) => (r.trace.events[0].extra = 1)],
    ["a task with a bad outcome", (r: Record<string, any>) => (r.trace.tasks[0].outcome = "<script>")],
    ["an error of an unknown kind", (r: Record<string, any>) => (r.error = { kind: "html", name: "x", message: "", line: 0, column: 0, frames: [], text: "" })],
    ["stats that are not numbers", (r: Record<string, any>) => (r.stats.steps = null)],
    ["output past the text cap", (r: Record<string, any>) => (r.output = Array.from({ length: 5 }, () => ({ text: "x".repeat(1_000_000), stream: "stdout", time: 0, task: null })))],
  ])("refuses a result with %s", (_what, spoil) => {
    const r = plain();
    spoil(r);
    expect(checkResult(r)).toBeNull();
  });

  it("copies output items into fresh objects without unknown fields", () => {
    const r = plain();
    (r.output as Record<string, unknown>[])[0].onclick = "alert(1)";
    expect(checkResult(r)?.output[0]).toEqual({ text: "<b>hi</b>\n", stream: "stdout", time: 0, task: "Task-1" });
  });
});
