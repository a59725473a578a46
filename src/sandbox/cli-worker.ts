/** The CLI's worker thread: runs one snippet and posts its output as it comes, then the result. */
import { parentPort, workerData } from "node:worker_threads";
import { runSnippet } from "./run.ts";

const { source, seed, trace } = workerData as { source: string; seed: number; trace: boolean };
const result = runSnippet(source, {
  seed,
  trace,
  onOutput: (output) => parentPort?.postMessage({ output }),
});
// Output was already posted piece by piece; the trace and error are plain data.
parentPort?.postMessage({ result: { ...result, output: [] } });
