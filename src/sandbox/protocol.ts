/**
 * What the page and the sandbox worker say to each other about a run, and
 * the numbers both sides keep to: the request, the reply, the limits of a
 * reply, and the time budget of a run. The worker (worker.ts), the page
 * (components/playground/sandbox-client.ts, check-result.ts,
 * guarded-port.ts) and the terminal's runner (cli.ts) all take them from
 * here, so no limit is written twice. The reply's bytes are in wire.ts.
 */
import type { RunResult } from "./run.ts";

/** What the page asks for a run (with the source): `SandboxApi.run(source, request)`. */
export interface RunRequest {
  /** Echoed in the reply, which the page ties to this run. */
  readonly runId: string;
  /** Seed of the simulated network's jitter. Default: 1. */
  readonly seed?: number;
  /** Record the trace. Default: true. */
  readonly trace?: boolean;
  /**
   * Real-time budget, ms: the runtime stops the program itself with "Time
   * limit reached" (output kept) a little before the watchdog would stop
   * the worker. Default: `wallBudget()`, 3000.
   */
  readonly wallMs?: number;
}

/** The worker's answer to one run (a worker answers one only: the page takes a fresh one for every run, sandbox-client.ts). */
export interface RunReply {
  /** The id the page gave the run; the page ignores a reply naming another. */
  readonly runId: string;
  readonly result: RunResult;
}

/**
 * Real-time limit of one run, ms: the page's watchdog stops the sandbox
 * after this long (counted from when a booted worker takes the run), and
 * the terminal's runner after this long by default (`--timeout`). Lesson
 * examples finish in milliseconds.
 */
export const RUN_LIMIT_MS = 4000;

/** The runtime stops a runaway program itself this long before the limit, keeping its output. */
export const WORKER_MARGIN_MS = 1000;

/** The runtime's own real-time budget for a run whose watchdog fires after `limitMs`: a second earlier (half of it for a short limit). */
export function wallBudget(limitMs: number = RUN_LIMIT_MS): number {
  return Math.max(limitMs / 2, limitMs - WORKER_MARGIN_MS);
}

/** Limits of a run and its reply: the worker keeps to them, the page refuses a reply that does not. */
export const LIMITS = {
  /** Largest reply, bytes. Past it the worker leaves the trace out (output and error are capped far below). */
  replyBytes: 48 * 1024 * 1024,
  /** Trace events a run records in the browser (a 10,000-task run records about 150,000). */
  traceEvents: 400_000,
  /**
   * Trace events sent back of a run that a budget stopped (runtime/trace/cut.ts):
   * its start shows the loop as well as all of it, for a fraction of the bytes.
   */
  stoppedTraceEvents: 100_000,
  /** Tasks a trace may list (the runtime's budget is 100,000). */
  tasks: 200_000,
  /** Output items of a reply. */
  outputItems: 200_000,
  /** Strings in a reply's table (printed text, labels, names), and their characters in all. */
  strings: 1_000_000,
  chars: 8_000_000,
} as const;
