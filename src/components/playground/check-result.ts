/**
 * Checks a run result coming back from the sandbox before the page uses
 * it. The worker runs learner code, so its replies are untrusted data:
 * every field is type-checked and size-capped, and anything unexpected
 * makes the whole reply count as invalid. Text is only ever rendered with
 * `textContent`, never as HTML.
 */
import type { OutputItem, RunResult, SnippetError } from "../../sandbox/run.ts";
import type { Trace } from "../../runtime/trace/schema.ts";

const STREAMS = new Set(["stdout", "stderr", "warning"]);
const MAX_OUTPUT_ITEMS = 200_000;
const MAX_TEXT = 4_000_000;
const MAX_EVENTS = 2_000_000;

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
const isNum = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);
const isStr = (x: unknown, max = MAX_TEXT): x is string => typeof x === "string" && x.length <= max;

function checkOutput(items: unknown): OutputItem[] | null {
  if (!Array.isArray(items) || items.length > MAX_OUTPUT_ITEMS) return null;
  let total = 0;
  for (const it of items) {
    if (!isObj(it) || !isStr(it.text) || !STREAMS.has(it.stream as string) || !isNum(it.time)) return null;
    total += it.text.length;
    if (total > MAX_TEXT) return null;
  }
  return items as OutputItem[];
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
  return ok ? (e as unknown as SnippetError) : undefined;
}

function checkTrace(t: unknown): Trace | null | undefined {
  if (t === null) return null;
  if (!isObj(t) || t.version !== 1 || !Array.isArray(t.events) || !Array.isArray(t.tasks) || !Array.isArray(t.primitives)) return undefined;
  if (t.events.length > MAX_EVENTS || !isNum(t.endTime) || typeof t.truncated !== "boolean") return undefined;
  for (const task of t.tasks) {
    if (!isObj(task) || !isNum(task.id) || !isStr(task.name, 10_000) || !isStr(task.coro, 10_000) || !isStr(task.detail, 100_000)) return undefined;
  }
  for (const e of t.events) {
    if (!isObj(e) || typeof e.kind !== "string" || !isNum(e.t) || !isNum(e.seq) || !isNum(e.line)) return undefined;
  }
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
  return { ok: raw.ok, output, error, trace, stats: s as unknown as RunResult["stats"] };
}
