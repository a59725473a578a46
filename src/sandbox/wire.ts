/**
 * The worker's reply to a run, on the wire: one JSON document, UTF-8, in
 * an ArrayBuffer the worker transfers to the page. The page checks the
 * buffer's size before decoding anything (a structured-clone reply would
 * be decoded, whatever its size, before the page saw it), and JSON carries
 * plain data only, whatever the snippet did. Numbers JSON cannot carry (a
 * timer set with `sleep(Infinity)`) travel as `{ "$num": "Infinity" }`.
 */
import type { RunResult } from "./run.ts";

/** The JSON document a run's reply carries. */
export interface RunReply {
  readonly v: 1;
  /** The id the page gave the run; the page ignores a reply naming another. */
  readonly runId: string;
  /**
   * True when this worker should not run again: the run overflowed the
   * stack, ran out of memory, hit a limit, or left a global it could not
   * remove. The page boots a fresh one for the next run.
   */
  readonly retire: boolean;
  readonly result: RunResult;
}

/** Largest reply; past it the worker leaves the trace out (output and error are capped far below). */
export const MAX_REPLY_BYTES = 48 * 1024 * 1024;

const encoder = new TextEncoder();

function encodeNumbers(_key: string, value: unknown): unknown {
  return typeof value === "number" && !Number.isFinite(value) ? { $num: String(value) } : value;
}

function decodeNumbers(_key: string, value: unknown): unknown {
  if (typeof value === "object" && value !== null && typeof (value as { $num?: unknown }).$num === "string" && Object.keys(value).length === 1) {
    return Number((value as { $num: string }).$num);
  }
  return value;
}

/** True if `value` holds a number JSON cannot carry (NaN, ±Infinity) anywhere inside it. */
function hasNonFinite(value: unknown): boolean {
  if (typeof value === "number") return !Number.isFinite(value);
  if (typeof value !== "object" || value === null) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (hasNonFinite(value[i])) return true;
    return false;
  }
  for (const key in value) if (hasNonFinite((value as Record<string, unknown>)[key])) return true;
  return false;
}

/**
 * JSON text of `value`, non-finite numbers encoded. A replacer is called
 * for every value of the document, which made a 150,000-event trace cost
 * seconds; most runs hold no such number, so a plain walk looks first and
 * the replacer is used only when one is there.
 */
function stringify(value: unknown): string {
  return hasNonFinite(value) ? JSON.stringify(value, encodeNumbers) : JSON.stringify(value);
}

/** The reply as bytes, without its trace if it would pass `MAX_REPLY_BYTES`. */
export function encodeReply(reply: RunReply): ArrayBuffer {
  let bytes = encoder.encode(stringify(reply));
  if (bytes.byteLength > MAX_REPLY_BYTES) bytes = encoder.encode(stringify({ ...reply, result: { ...reply.result, trace: null } }));
  return bytes.buffer as ArrayBuffer;
}

/**
 * The JSON document in `buffer` (throws if it is not UTF-8 JSON). Check the
 * size first. The reviver (seconds on a large trace, on the page's thread)
 * runs only when the text holds an encoded number: an object `{"$num":`
 * cannot appear unescaped inside a JSON string, so its absence is exact.
 */
export function decodeReply(buffer: ArrayBuffer): unknown {
  const text = new TextDecoder("utf-8", { fatal: true }).decode(buffer);
  return text.includes('{"$num":') ? JSON.parse(text, decodeNumbers) : JSON.parse(text);
}
