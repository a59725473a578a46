/**
 * The CLI's worker thread: runs one snippet, posts its output as it comes,
 * then its reply as the browser's worker sends it (reply.ts), with the
 * output left out (it was posted already).
 */
import { parentPort, workerData } from "node:worker_threads";
import { runSnippet } from "./run.ts";
import { replyBytes, replyRecorder } from "./reply.ts";

const { source, seed, trace, wallMs } = workerData as { source: string; seed: number; trace: boolean; wallMs: number };
// The run's time starts now, as the page's watchdog starts once a booted worker takes the run.
parentPort?.postMessage({ ready: true });
const result = runSnippet(source, {
  seed,
  trace,
  recorder: replyRecorder(),
  budgets: { maxWallMs: wallMs },
  onOutput: (output) => parentPort?.postMessage({ output }),
});
const reply = replyBytes("cli", { ...result, output: [] });
parentPort?.postMessage({ reply }, [reply]);
