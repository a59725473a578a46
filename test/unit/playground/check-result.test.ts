/** The page's check of a run reply: forged, oversized and malformed replies are refused with the reason; a real one passes. */
import { describe, expect, it } from "vitest";
import { checkReply } from "../../../src/components/playground/check-result.ts";
import { CODE } from "../../../src/runtime/index.ts";
import { LIMITS } from "../../../src/sandbox/protocol.ts";
import { runSnippet } from "../../../src/sandbox/run.ts";
import { encodeReply, packReply, type ReplyParts, unpackReply } from "../../../src/sandbox/wire.ts";

const real = runSnippet('import * as asyncio from "asyncio";\nasync function main() { print("<b>hi</b>"); await asyncio.sleep(1); await asyncio.gather(asyncio.sleep(1)); }\nasyncio.run(main());');
const good = () => encodeReply({ runId: "r", result: real });

/** A copy of the real reply's head and arrays (fresh, writable), spoilt by `spoil`, as bytes. */
function forged(spoil: (p: { head: Record<string, any>; arrays: Record<string, any> }) => void): ArrayBuffer {
  const parts = unpackReply(good());
  const copy = { head: structuredClone(parts.head), arrays: Object.fromEntries(Object.entries(parts.arrays).map(([k, v]) => [k, v.slice()])) } as ReplyParts & { head: Record<string, any>; arrays: Record<string, any> };
  spoil(copy);
  return packReply(copy);
}

describe("checkReply", () => {
  it("accepts a real run's reply, trace included, tied to its run", () => {
    const r = checkReply(good(), "r");
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.result.output[0]).toEqual({ text: "<b>hi</b>\n", stream: "stdout", time: 0, task: "Task-1" });
      expect(r.result.trace?.count).toBeGreaterThan(3);
    }
  });

  it("refuses a reply naming another run (forged), an oversized one, and one that is not a run reply", () => {
    expect(checkReply(good(), "other")).toEqual({ ok: false, why: "the reply names another run" });
    expect(checkReply(new ArrayBuffer(LIMITS.replyBytes + 1), "r")).toEqual({ ok: false, why: "the reply is too large" });
    expect(checkReply({ v: 2 }, "r")).toEqual({ ok: false, why: "the reply is not a buffer" });
    expect(checkReply(new TextEncoder().encode('{"v":1,"runId":"r"}').buffer, "r")).toEqual({ ok: false, why: "the reply is not a run reply" });
    expect(checkReply(forged((p) => (p.head.v = 1)), "r")).toEqual({ ok: false, why: "the reply is not a run reply" });
  });

  it.each([
    ["an output item whose text points past the strings", (p: any): void => void (p.arrays.outText[0] = 1e6), "output item 0 is malformed"],
    ["an unknown stream", (p: any): void => void (p.arrays.outStream[0] = 7), "output item 0 is malformed"],
    ["a non-finite output time", (p: any): void => void (p.arrays.outTime[0] = NaN), "output item 0 is malformed"],
    ["strings that are not a table", (p: any): void => void (p.head.strings = "abc"), "no table of strings"],
    ["a string that is not one", (p: any): void => void (p.head.strings[0] = { toString: 1 }), "strings are not all strings"],
    ["strings past the text cap", (p: any): void => void p.head.strings.push(..."x".repeat(9).split("").map(() => "y".repeat(1_000_000))), "strings are too long"],
    ["a trace event of an unknown kind", (p: any): void => void (p.arrays.kind[1] = 99), "event of unknown kind 99"],
    ["a trace event whose string points past the strings", (p: any): void => void (p.arrays.s[p.arrays.kind.indexOf(CODE.print)] = 1e6), "string index out of bounds"],
    ["a trace event with a value its kind does not have (an outcome past the list)", (p: any): void => void (p.arrays.f[p.arrays.kind.indexOf(CODE["task.done"])] = 9), "bad value in column f"],
    ["an id list running past its log", (p: any): void => void (p.arrays.lists[0] = 1e6), "id list out of bounds"],
    ["time going back within a run", (p: any): void => void (p.arrays.timeValue[p.arrays.timeValue.length - 1] = p.arrays.timeValue[p.arrays.timeValue.length - 2] / 2), "goes back in time"],
    ["times out of order", (p: any): void => void (p.arrays.timeFirst[1] = 0), "times out of order"],
    ["a task with a bad outcome", (p: any): void => void (p.arrays.taskOutcome[0] = 200), "task with a bad outcome"],
    ["a task without an id", (p: any): void => void (p.arrays.taskId[0] = 0), "task without an id"],
    ["an error of an unknown kind", (p: any): void => void (p.head.error = { kind: "html", name: "x", message: "", line: 0, column: 0, frames: [], text: "" }), "error is malformed"],
    ["stats that are not numbers", (p: any): void => void (p.head.stats.steps = null), "stats are malformed"],
    ["a malformed notice", (p: any): void => void (p.head.notices = [[0, { kind: "html" }]]), "malformed notice"],
    ["a trace whose end time is not a time", (p: any): void => void (p.head.trace.endTime = "soon"), "bad end time"],
  ] as const)("refuses a reply with %s, saying what is wrong", (_what, spoil, why) => {
    const r = checkReply(forged(spoil), "r");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.why).toMatch(/^the reply('s)? /);
    if (!r.ok) expect(r.why).toContain(why);
  });

  it("refuses a reply with a float no event uses, saying what is wrong", () => {
    // One more float than the events use: the count and the array grow together, the rows do not.
    const parts = unpackReply(good());
    const floats = new Float64Array(parts.arrays.floats.length + 1);
    floats.set(parts.arrays.floats);
    const r = checkReply(packReply({ head: { ...parts.head, counts: { ...(parts.head.counts as object), floats: floats.length } }, arrays: { ...parts.arrays, floats } }), "r");
    expect(r).toEqual({ ok: false, why: "the reply's trace has floats or id lists no event uses" });
  });

  it("refuses a trace over the event cap before reading its rows", () => {
    const parts = unpackReply(good());
    const n = LIMITS.traceEvents + 1;
    const arrays = { ...parts.arrays };
    for (const k of ["kind", "f"]) arrays[k] = new Uint8Array(n);
    for (const k of ["line", "a", "b", "s"]) arrays[k] = new Int32Array(n);
    const r = checkReply(packReply({ head: { ...parts.head, counts: { ...(parts.head.counts as object), events: n } }, arrays }), "r");
    expect(r).toEqual({ ok: false, why: `the reply's trace has ${n} events (at most ${LIMITS.traceEvents})` });
  });
});
