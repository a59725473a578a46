/**
 * Checks the worker's reply to a run before the page uses it. The worker
 * runs learner code, so its replies are untrusted data: the reply is a JSON
 * document in an ArrayBuffer (size-checked before it is decoded), it must
 * name the run it answers, and every field of the result is type-checked
 * and size-capped — trace events field by field, per kind — and copied
 * into fresh objects where the page keeps them. Anything unexpected makes
 * the whole reply count as invalid. Text is only ever rendered with
 * `textContent`, never as HTML.
 */
import type { Notice } from "../../runtime/index.ts";
import type { Trace } from "../../runtime/trace-api.ts";
import type { OutputItem, RunResult, SnippetError } from "../../sandbox/run.ts";
import { decodeReply, MAX_REPLY_BYTES } from "../../sandbox/wire.ts";

const STREAMS = new Set(["stdout", "stderr", "warning"]);
const MAX_OUTPUT_ITEMS = 200_000;
const MAX_TEXT = 4_000_000;
/** Events a trace may hold (the worker records at most 400,000). */
const MAX_EVENTS = 400_000;
const MAX_TASKS = 200_000;

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
const isNum = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);
const isStr = (x: unknown, max = MAX_TEXT): x is string => typeof x === "string" && x.length <= max;

/** Field kinds: s string, t long text (printed text: as long as the output may be), n finite number, x any number (a deadline may be infinite), b boolean, others below. */
type Field = "s" | "t" | "n" | "x" | "b" | "wait" | "outcome" | "stream";
const EVENT_FIELDS: Record<string, Record<string, Field>> = {
  "run.start": { run: "n" },
  "run.end": { run: "n" },
  "task.create": { task: "n", parent: "n" },
  "task.wake": { task: "n", cause: "n" },
  "step.begin": { task: "n" },
  "step.end": { task: "n", wait: "wait" },
  "task.done": { task: "n", outcome: "outcome" },
  "timer.set": { timer: "n", when: "x", label: "s", task: "n" },
  "timer.fire": { timer: "n" },
  "timer.cancel": { timer: "n" },
  "loop.block": { seconds: "x", label: "s", task: "n" },
  "job.queue": { job: "n", worker: "n", label: "s", ok: "b" },
  "job.start": { job: "n", worker: "n", label: "s", ok: "b" },
  "job.end": { job: "n", worker: "n", label: "s", ok: "b" },
  "http.start": { req: "n", method: "s", url: "s", host: "s", blocking: "b", task: "n" },
  "http.end": { req: "n", outcome: "s" },
  prim: { prim: "n", value: "n", waiters: "n" },
  print: { text: "t", stream: "stream", task: "n" },
};
const OUTCOMES = new Set(["result", "error", "cancelled"]);

function fieldOk(kind: Field, v: unknown): boolean {
  switch (kind) {
    case "s":
      return isStr(v, 100_000);
    case "t":
      return isStr(v, MAX_TEXT);
    case "n":
      return isNum(v);
    case "x":
      return typeof v === "number";
    case "b":
      return typeof v === "boolean";
    case "wait":
      return v === null || (isObj(v) && Object.keys(v).length === 3 && isStr(v.kind, 100) && isStr(v.text, 10_000) && isNum(v.target));
    case "outcome":
      return OUTCOMES.has(v as string);
    case "stream":
      return STREAMS.has(v as string);
  }
}

function checkEvent(e: unknown): boolean {
  if (!isObj(e) || typeof e.kind !== "string" || !isNum(e.t) || !isNum(e.seq) || !isNum(e.line)) return false;
  const fields = Object.hasOwn(EVENT_FIELDS, e.kind) ? EVENT_FIELDS[e.kind] : undefined;
  if (fields === undefined) return false;
  let n = 4;
  for (const name in fields) {
    if (!fieldOk(fields[name], e[name])) return false;
    n++;
  }
  return Object.keys(e).length === n;
}

function checkNotice(n: unknown): Notice | undefined | null {
  if (n === undefined) return undefined;
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
      if (!isNum(n.time) || !Array.isArray(n.stuck) || n.stuck.length > MAX_TASKS) return null;
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

function checkOutput(items: unknown): OutputItem[] | null {
  if (!Array.isArray(items) || items.length > MAX_OUTPUT_ITEMS) return null;
  let total = 0;
  const out: OutputItem[] = [];
  for (const it of items) {
    if (!isObj(it) || !isStr(it.text) || !STREAMS.has(it.stream as string) || !isNum(it.time)) return null;
    if (it.task !== undefined && it.task !== null && !isStr(it.task, 10_000)) return null;
    const notice = checkNotice(it.notice);
    if (notice === null) return null;
    total += it.text.length;
    if (total > MAX_TEXT) return null;
    const item = { text: it.text, stream: it.stream as OutputItem["stream"], time: it.time, task: (it.task as string | null | undefined) ?? null };
    out.push(notice === undefined ? item : { ...item, notice });
  }
  return out;
}

function checkError(e: unknown): SnippetError | null | undefined {
  if (e === null) return null;
  if (!isObj(e)) return undefined;
  const ok =
    ["compile", "runtime", "limit"].includes(e.kind as string) &&
    isStr(e.name, 200) &&
    isStr(e.message, 100_000) &&
    isNum(e.line) &&
    isNum(e.column) &&
    isStr(e.text, 200_000) &&
    Array.isArray(e.frames) &&
    e.frames.length <= 1000 &&
    e.frames.every((f) => isObj(f) && isStr(f.name, 500) && isNum(f.line) && isNum(f.column) && isStr(f.source, 10_000));
  if (!ok) return undefined;
  const frames = (e.frames as Record<string, unknown>[]).map((f) => ({ name: f.name as string, line: f.line as number, column: f.column as number, source: f.source as string }));
  return { kind: e.kind as SnippetError["kind"], name: e.name as string, message: e.message as string, line: e.line as number, column: e.column as number, frames, text: e.text as string };
}

function checkTrace(t: unknown): Trace | null | undefined {
  if (t === null) return null;
  if (!isObj(t) || t.version !== 1 || !Array.isArray(t.events) || !Array.isArray(t.tasks) || !Array.isArray(t.primitives)) return undefined;
  if (t.events.length > MAX_EVENTS || t.tasks.length > MAX_TASKS || t.primitives.length > MAX_TASKS || !isNum(t.endTime) || typeof t.truncated !== "boolean") return undefined;
  for (const task of t.tasks) {
    if (!isObj(task) || !isNum(task.id) || !isStr(task.name, 10_000) || !isStr(task.coro, 10_000) || !isStr(task.detail, 100_000)) return undefined;
    if (!isNum(task.parent) || !isNum(task.run) || !isNum(task.createdAt) || !isNum(task.line) || !(task.endedAt === null || isNum(task.endedAt))) return undefined;
    if (!OUTCOMES.has(task.outcome as string) && task.outcome !== "pending") return undefined;
  }
  for (const p of t.primitives) {
    if (!isObj(p) || !isNum(p.id) || !isStr(p.kind, 100) || !isStr(p.label, 10_000)) return undefined;
  }
  for (const e of t.events) if (!checkEvent(e)) return undefined;
  return t as unknown as Trace;
}

/** The result if it is well-formed, else null. */
export function checkResult(raw: unknown): RunResult | null {
  if (!isObj(raw) || typeof raw.ok !== "boolean" || !isObj(raw.stats)) return null;
  const output = checkOutput(raw.output);
  const error = checkError(raw.error);
  const trace = checkTrace(raw.trace);
  if (output === null || error === undefined || trace === undefined) return null;
  const s = raw.stats;
  if (![s.compileMs, s.runMs, s.steps, s.tasks, s.virtualTime].every(isNum)) return null;
  const stats = { compileMs: s.compileMs as number, runMs: s.runMs as number, steps: s.steps as number, tasks: s.tasks as number, virtualTime: s.virtualTime as number };
  return { ok: raw.ok, output, error, trace, stats };
}

/** A checked reply to one run: its result, and whether the worker asks to be replaced. */
export type CheckedReply = { readonly ok: true; readonly result: RunResult; readonly retire: boolean } | { readonly ok: false; readonly why: string };

/**
 * Decodes and checks the worker's reply to run `runId` (see the module
 * comment): size first, then UTF-8 JSON, then the envelope, then the result.
 */
export function checkReply(buffer: unknown, runId: string): CheckedReply {
  if (!(buffer instanceof ArrayBuffer)) return { ok: false, why: "the reply is not a buffer" };
  if (buffer.byteLength > MAX_REPLY_BYTES) return { ok: false, why: "the reply is too large" };
  let doc: unknown;
  try {
    doc = decodeReply(buffer);
  } catch {
    return { ok: false, why: "the reply is not JSON" };
  }
  if (!isObj(doc) || doc.v !== 1 || typeof doc.retire !== "boolean") return { ok: false, why: "the reply is not a run reply" };
  if (doc.runId !== runId) return { ok: false, why: "the reply names another run" };
  const result = checkResult(doc.result);
  if (result === null) return { ok: false, why: "the reply's result is malformed" };
  return { ok: true, result, retire: doc.retire };
}
