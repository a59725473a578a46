/**
 * A run's reply as both workers send it, the browser's (worker.ts) and the
 * terminal's (cli-worker.ts): the trace kept within the browser's limits
 * (a run a budget stopped sends only the start of its trace), in the bytes
 * of wire.ts. The terminal decodes it with the page's own checks, so it
 * keeps the same limits: `run --trace` writes what the browser would draw.
 */
import { cutTrace, TraceRecorder } from "../runtime/index.ts";
import { LIMITS } from "./protocol.ts";
import type { RunResult } from "./run.ts";
import { encodeReply } from "./wire.ts";

/** A recorder that stops at the browser's trace cap. */
export function replyRecorder(): TraceRecorder {
  return new TraceRecorder(LIMITS.traceEvents);
}

/** The bytes of the reply to run `runId`. */
export function replyBytes(runId: string, result: RunResult): ArrayBuffer {
  const trace = result.error?.kind === "limit" && result.trace !== null ? cutTrace(result.trace, LIMITS.stoppedTraceEvents) : result.trace;
  return encodeReply({ runId, result: { ...result, trace } });
}
