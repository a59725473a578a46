/**
 * A run's reply on the wire: one ArrayBuffer, which the worker transfers to
 * the page (and the terminal runner's worker thread to its main thread).
 *
 *     u32 magic "ALR2" | u32 head length | head: UTF-8 JSON | arrays
 *
 * The head holds what is small and shaped like an object: the run id, the
 * error, the stats, the notices, the trace's counts, and the strings table
 * (printed text, labels, names: each string once). The arrays follow, each
 * from an 8-byte boundary: the trace's columns (runtime/trace/trace.ts,
 * `TRACE_ARRAYS`) at their used length, then the output items as columns
 * of their own (time, text and task as string indexes, stream). The page
 * makes typed-array views on the buffer and checks them where they are:
 * no event is ever an object or a JSON value on the way, and printed text
 * travels once (in the strings table, which both the output items and the
 * trace's `print` events point into).
 *
 * Everything read here is untrusted (a worker runs learner code): the
 * layout must add up to the buffer's size exactly, the head must have its
 * fields and types, the output and the trace must keep the limits of
 * protocol.ts, and the trace must pass `Trace`'s own check of every row.
 * What fails throws a `WireError` saying what, which the page reports.
 *
 * Rejected: JSON of the whole reply (the form until issue #14): 13 MB for
 * a 10,000-task run, and on the page a parse and a field-by-field check of
 * every event, the longest task of a run's reply.
 */
import type { Notice } from "../runtime/index.ts";
import { STREAMS, Trace, TRACE_ARRAYS, type TraceColumns, type TraceCount, traceCounts, TraceError } from "../runtime/trace-api.ts";
import { LIMITS, type RunReply } from "./protocol.ts";
import type { OutputItem, RunResult, SnippetError } from "./run.ts";

/** The reply's bytes break the format or a limit; `message` says how. */
export class WireError extends Error {
  override name = "WireError";
}

const MAGIC = 0x32524c41; // "ALR2", little-endian
const HEAD = 8;

type ArrayType = "f64" | "i32" | "u8";
type Typed = Float64Array | Int32Array | Uint8Array;
const BYTES: Record<ArrayType, number> = { f64: 8, i32: 4, u8: 1 };
const CTOR = { f64: Float64Array, i32: Int32Array, u8: Uint8Array } as const;

/** The output items' columns. */
const OUTPUT_ARRAYS = [
  ["outTime", "f64"],
  ["outText", "i32"],
  ["outTask", "i32"],
  ["outStream", "u8"],
] as const;

/** The counts the head gives, from which the arrays' layout follows. */
interface Counts extends Record<TraceCount, number> {
  readonly output: number;
}

/** The arrays of a reply, in their order on the wire, with their lengths. */
function layout(counts: Counts, withTrace: boolean): { name: string; type: ArrayType; length: number }[] {
  const arrays = withTrace ? TRACE_ARRAYS.map(([name, type, count]) => ({ name: name as string, type: type as ArrayType, length: counts[count] })) : [];
  for (const [name, type] of OUTPUT_ARRAYS) arrays.push({ name, type, length: counts.output });
  return arrays;
}

const align8 = (n: number) => (n + 7) & ~7;

/** The head and the arrays of a reply, as they travel (no meaning checked): for `encodeReply`, and for tests that forge replies. */
export interface ReplyParts {
  readonly head: Record<string, unknown>;
  readonly arrays: Readonly<Record<string, Typed>>;
}

/** The bytes of `parts` (each array at its own length, from an 8-byte boundary). */
export function packReply(parts: ReplyParts): ArrayBuffer {
  const head = new TextEncoder().encode(JSON.stringify(parts.head));
  let size = align8(HEAD + head.byteLength);
  const placed: [Typed, number][] = [];
  for (const name of Object.keys(parts.arrays)) {
    const a = parts.arrays[name];
    placed.push([a, size]);
    size = align8(size + a.byteLength);
  }
  const buffer = new ArrayBuffer(size);
  const view = new DataView(buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, head.byteLength, true);
  const bytes = new Uint8Array(buffer);
  bytes.set(head, HEAD);
  for (const [a, at] of placed) bytes.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
  return buffer;
}

/** The head and views of the arrays of `buffer`; throws `WireError` if the layout does not add up exactly. */
export function unpackReply(buffer: ArrayBuffer): ReplyParts {
  if (buffer.byteLength < HEAD) throw new WireError("the reply is not a run reply");
  const view = new DataView(buffer);
  if (view.getUint32(0, true) !== MAGIC) throw new WireError("the reply is not a run reply");
  const headBytes = view.getUint32(4, true);
  if (HEAD + headBytes > buffer.byteLength) throw new WireError("the reply is not a run reply");
  let head: unknown;
  try {
    head = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array(buffer, HEAD, headBytes)));
  } catch {
    throw new WireError("the reply's head is not JSON");
  }
  if (!isObj(head) || head.v !== 2) throw new WireError("the reply is not a run reply");
  const counts = head.counts;
  if (!isObj(counts)) throw new WireError("the reply has no counts");
  const keys: (keyof Counts)[] = ["events", "times", "floats", "lists", "sleeps", "tasks", "prims", "output"];
  for (const k of keys) if (!(Number.isInteger(counts[k]) && (counts[k] as number) >= 0 && (counts[k] as number) <= buffer.byteLength)) throw new WireError("the reply's counts are not counts");
  const arrays: Record<string, Typed> = {};
  let at = align8(HEAD + headBytes);
  for (const a of layout(counts as unknown as Counts, head.trace !== null)) {
    const bytes = a.length * BYTES[a.type];
    if (at + bytes > buffer.byteLength) throw new WireError("the reply is shorter than its counts say");
    arrays[a.name] = new CTOR[a.type](buffer, at, a.length);
    at = align8(at + bytes);
  }
  if (at !== align8(buffer.byteLength)) throw new WireError("the reply is longer than its counts say");
  return { head, arrays };
}

/**
 * The reply as bytes: the trace's columns and the output items as arrays,
 * printed text once. Without the trace if with it the reply would break a
 * limit the page holds it to (`LIMITS`: its bytes, its strings' number or
 * characters), so that the page never refuses what the worker sends.
 */
export function encodeReply(reply: RunReply): ArrayBuffer {
  if (reply.result.trace !== null) {
    const parts = partsOf(reply);
    if (stringsOverLimits(parts.head.strings as string[]) === null) {
      const bytes = packReply(parts);
      if (bytes.byteLength <= LIMITS.replyBytes) return bytes;
    }
  }
  return packReply(partsOf({ ...reply, result: { ...reply.result, trace: null } }));
}

/** Why a reply's string table breaks `LIMITS` (or is not a table of strings), or null: the one rule for both sides. */
function stringsOverLimits(strings: unknown): string | null {
  if (!Array.isArray(strings)) return "the reply has no table of strings";
  if (strings.length > LIMITS.strings) return "the reply's strings are too many";
  let chars = 0;
  for (const s of strings) {
    if (typeof s !== "string") return "the reply's strings are not all strings";
    chars += s.length;
  }
  return chars > LIMITS.chars ? "the reply's strings are too long" : null;
}

function partsOf(reply: RunReply): ReplyParts {
  const r = reply.result;
  const trace = r.trace;
  // The trace's strings, then any the output needs that it lacks (all of it, without a trace).
  const strings: string[] = trace ? trace.columns.strings.slice() : [];
  const index = new Map<string, number>();
  for (let i = 0; i < strings.length; i++) if (!index.has(strings[i])) index.set(strings[i], i);
  const intern = (s: string) => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.push(s) - 1;
      index.set(s, i);
    }
    return i;
  };
  const m = r.output.length;
  const outTime = new Float64Array(m);
  const outText = new Int32Array(m);
  const outTask = new Int32Array(m);
  const outStream = new Uint8Array(m);
  const notices: [number, Notice][] = [];
  r.output.forEach((item, i) => {
    outTime[i] = item.time;
    outText[i] = intern(item.text);
    outTask[i] = item.task === null || item.task === undefined ? -1 : intern(item.task);
    outStream[i] = STREAMS.indexOf(item.stream);
    if (item.notice !== undefined) notices.push([i, item.notice]);
  });
  const arrays: Record<string, Typed> = {};
  if (trace) for (const [name] of TRACE_ARRAYS) arrays[name] = trace.columns[name];
  Object.assign(arrays, { outTime, outText, outTask, outStream });
  const counts: Counts = { ...(trace ? traceCounts(trace.columns) : { events: 0, times: 0, floats: 0, lists: 0, sleeps: 0, tasks: 0, prims: 0 }), output: m };
  return {
    head: {
      v: 2,
      runId: reply.runId,
      ok: r.ok,
      error: r.error,
      stats: r.stats,
      notices,
      trace: trace ? { endTime: trace.endTime, truncated: trace.truncated } : null,
      counts,
      strings,
    },
    arrays,
  };
}

/**
 * The reply in `buffer`, checked (see the module comment), its size first
 * (`LIMITS.replyBytes`); throws `WireError`. The trace's columns are views
 * on `buffer`.
 */
export function decodeReply(buffer: ArrayBuffer): RunReply {
  if (buffer.byteLength > LIMITS.replyBytes) throw new WireError("the reply is too large");
  const { head, arrays } = unpackReply(buffer);
  if (typeof head.runId !== "string" || typeof head.ok !== "boolean") throw new WireError("the reply is not a run reply");
  const strings = head.strings;
  const overLimits = stringsOverLimits(strings);
  if (overLimits !== null) throw new WireError(overLimits);
  const output = checkOutput(arrays, strings as string[], head.notices);
  const error = checkError(head.error);
  const stats = checkStats(head.stats);
  let trace: Trace | null = null;
  if (head.trace !== null) {
    const t = head.trace;
    if (!isObj(t)) throw new WireError("the reply's trace is malformed");
    const columns = { ...arrays, strings, endTime: t.endTime, truncated: t.truncated } as unknown as TraceColumns;
    try {
      // The strings were counted and checked above (stringsOverLimits), for the trace too.
      trace = new Trace(columns, { maxEvents: LIMITS.traceEvents, maxTasks: LIMITS.tasks });
    } catch (e) {
      if (e instanceof TraceError) throw new WireError(`the reply's trace ${e.message}`);
      throw e;
    }
  }
  return { runId: head.runId, result: { ok: head.ok, output, error, trace, stats } };
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
const isNum = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);
const isStr = (x: unknown, max: number): x is string => typeof x === "string" && x.length <= max;

function checkOutput(arrays: Readonly<Record<string, Typed>>, strings: readonly string[], notices: unknown): OutputItem[] {
  const { outTime, outText, outTask, outStream } = arrays;
  const m = outTime.length;
  if (m > LIMITS.outputItems) throw new WireError("the reply has too many output items");
  const byItem = new Map<number, Notice>();
  if (!Array.isArray(notices) || notices.length > m) throw new WireError("the reply's notices are malformed");
  for (const entry of notices as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 2 || !Number.isInteger(entry[0]) || entry[0] < 0 || entry[0] >= m) throw new WireError("the reply's notices are malformed");
    const notice = checkNotice(entry[1]);
    if (notice === null) throw new WireError("the reply has a malformed notice");
    byItem.set(entry[0], notice);
  }
  const out: OutputItem[] = new Array(m);
  for (let i = 0; i < m; i++) {
    const t = outText[i];
    const task = outTask[i];
    if (!(t >= 0 && t < strings.length) || !(task === -1 || (task >= 0 && task < strings.length)) || outStream[i] >= STREAMS.length || !Number.isFinite(outTime[i])) {
      throw new WireError(`the reply's output item ${i} is malformed`);
    }
    const item = { text: strings[t], stream: STREAMS[outStream[i]], time: outTime[i], task: task === -1 ? null : strings[task] };
    const notice = byItem.get(i);
    out[i] = notice === undefined ? item : { ...item, notice };
  }
  return out;
}

function checkNotice(n: unknown): Notice | null {
  if (!isObj(n)) return null;
  const s = (x: unknown, max = 100_000) => isStr(x, max);
  switch (n.kind) {
    case "warning":
      return s(n.category, 200) && s(n.message) && isNum(n.line) ? { kind: "warning", category: n.category as string, message: n.message as string, line: n.line as number } : null;
    case "handler": {
      if (!s(n.message) || (n.future !== undefined && !s(n.future, 1000)) || (n.exception !== undefined && !s(n.exception))) return null;
      const t = n.task;
      if (t !== undefined && !(isObj(t) && s(t.name, 10_000) && s(t.coro, 10_000) && s(t.repr))) return null;
      return {
        kind: "handler",
        message: n.message as string,
        ...(isObj(t) ? { task: { name: t.name as string, coro: t.coro as string, repr: t.repr as string } } : {}),
        ...(n.future !== undefined ? { future: n.future as string } : {}),
        ...(n.exception !== undefined ? { exception: n.exception as string } : {}),
      };
    }
    case "deadlock": {
      if (!isNum(n.time) || !Array.isArray(n.stuck) || n.stuck.length > LIMITS.tasks) return null;
      const stuck = [];
      for (const x of n.stuck as unknown[]) {
        if (!isObj(x) || !s(x.name, 10_000) || !s(x.coro, 10_000) || !s(x.waitingOn, 10_000) || !isNum(x.line)) return null;
        stuck.push({ name: x.name as string, coro: x.coro as string, waitingOn: x.waitingOn as string, line: x.line as number });
      }
      return { kind: "deadlock", time: n.time, stuck };
    }
    default:
      return null;
  }
}

function checkError(e: unknown): SnippetError | null {
  if (e === null) return null;
  const ok =
    isObj(e) &&
    ["compile", "runtime", "limit"].includes(e.kind as string) &&
    isStr(e.name, 200) &&
    isStr(e.message, 100_000) &&
    isNum(e.line) &&
    isNum(e.column) &&
    isStr(e.text, 200_000) &&
    Array.isArray(e.frames) &&
    e.frames.length <= 1000 &&
    e.frames.every((f) => isObj(f) && isStr(f.name, 500) && isNum(f.line) && isNum(f.column) && isStr(f.source, 10_000));
  if (!ok) throw new WireError("the reply's error is malformed");
  const frames = (e.frames as Record<string, unknown>[]).map((f) => ({ name: f.name as string, line: f.line as number, column: f.column as number, source: f.source as string }));
  return { kind: e.kind as SnippetError["kind"], name: e.name as string, message: e.message as string, line: e.line as number, column: e.column as number, frames, text: e.text as string };
}

function checkStats(s: unknown): RunResult["stats"] {
  if (!isObj(s) || ![s.compileMs, s.runMs, s.steps, s.tasks, s.virtualTime].every(isNum)) throw new WireError("the reply's stats are malformed");
  return { compileMs: s.compileMs as number, runMs: s.runMs as number, steps: s.steps as number, tasks: s.tasks as number, virtualTime: s.virtualTime as number };
}
