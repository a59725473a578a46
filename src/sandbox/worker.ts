/**
 * The sandbox worker: runs snippets off the page's thread, inside an
 * opaque-origin iframe (see frame/boot.ts), and answers over comlink on the
 * MessageChannel port the page handed it. One run at a time; the page's
 * watchdog replaces the whole iframe (and so this worker) if a run hangs.
 */
import * as Comlink from "comlink";
import { TraceRecorder } from "../runtime/trace/recorder.ts";
import { type RunResult, runSnippet } from "./run.ts";

/** What the page may ask of the worker. */
export interface SandboxApi {
  /** Compiles and runs a snippet; returns output, error and trace. */
  run(source: string, options?: { seed?: number; trace?: boolean }): RunResult;
  /** Compiles and runs a tiny snippet so the parser and runtime are warm before the learner's first Run. */
  warm(): boolean;
}

const recorder = new TraceRecorder();

const api: SandboxApi = {
  run(source, options = {}) {
    return runSnippet(String(source), { seed: options.seed, trace: options.trace !== false, recorder, budgets: { maxWallMs: 30_000 } });
  },
  warm() {
    const r = runSnippet('import * as asyncio from "asyncio";\nasync function main() { await asyncio.sleep(0); }\nasyncio.run(main());', { trace: false });
    return r.ok;
  },
};

addEventListener("message", (event: MessageEvent) => {
  const data = event.data as { type?: unknown; port?: unknown } | null;
  if (data?.type === "connect" && data.port instanceof MessagePort) Comlink.expose(api, data.port);
});
