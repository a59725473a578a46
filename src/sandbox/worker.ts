/**
 * The sandbox worker: runs snippets off the page's thread, inside an
 * opaque-origin iframe whose content security policy it inherits (see
 * frame/boot.js and integrations/sandbox.mjs), and answers over comlink on
 * the MessageChannel port the page handed it. One run at a time; the
 * page's watchdog replaces the whole iframe (and so this worker) if a run
 * hangs.
 *
 * Before the first snippet, on `connect`, the worker secures itself:
 * network, storage, page and timer globals become stubs that throw a clear
 * `SandboxError` (sandbox-stubs.ts), and `lockdown()` freezes the
 * intrinsics, every Web API the global holds and the runtime's modules and
 * classes (lockdown.ts), so no run can change the next one or reach the
 * port. Only the page can switch either off (the `connect` message comes
 * from the frame's boot script, which takes it from the page); the browser
 * tests do, to check that the content security policy alone blocks the
 * network.
 *
 * A run's reply is one transferred ArrayBuffer (wire.ts): the trace's
 * columns copied in at their used length, output and error beside them.
 */
import * as Comlink from "comlink";
import { isLockedDown, lockdown, type LockdownReport } from "./lockdown.ts";
import { runtimeRoots } from "./lockdown-runtime.ts";
import { internalError, type RunResult, runSnippet } from "./run.ts";
import { GlobalsSnapshot, installStubs } from "./sandbox-stubs.ts";
import { type RunRequest, wallBudget } from "./protocol.ts";
import { replyBytes, replyRecorder } from "./reply.ts";

/** How the worker secured itself, for the tests and measurements. */
export interface WarmReport {
  readonly ok: boolean;
  /** ms from the worker script's start to the end of its lockdown. */
  readonly bootMs: number;
  readonly lockdownMs: number;
  readonly frozen: number;
  /** Stubs that could not be installed and objects that could not be frozen (expected: none). */
  readonly problems: readonly string[];
}

/** What the page may ask of the worker. */
export interface SandboxApi {
  /** Compiles and runs a snippet; the reply is a `RunReply` in the bytes of wire.ts. */
  run(source: string, request: RunRequest): Promise<ArrayBuffer>;
  /** Runs a tiny snippet so the parser and runtime are warm before the learner's first Run. */
  warm(): WarmReport;
}

/** Options only the page can set (through the frame's boot script). */
export interface SandboxOptions {
  /** Install the throwing stubs for network, storage, page and timer globals. Default: true. */
  readonly stubs?: boolean;
  /** Freeze intrinsics, Web APIs and the runtime. Default: true. */
  readonly lockdown?: boolean;
}

const started = performance.now();
// Captured before the stubs replace them: the worker's own needs.
const Channel = MessageChannel;

const recorder = replyRecorder();
let globals: GlobalsSnapshot | null = null;
let secured: { report: LockdownReport | null; problems: string[]; ms: number } | null = null;

/** A macrotask: the snippet's leftover promise callbacks run before it, or (if they loop forever) it never comes and the page's watchdog stops the worker. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new Channel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

const num = (x: unknown, fallback: number, min: number, max: number) => (typeof x === "number" && Number.isFinite(x) ? Math.min(max, Math.max(min, x)) : fallback);

const api: SandboxApi = {
  async run(source, request) {
    const runId = typeof request?.runId === "string" ? request.runId.slice(0, 100) : "";
    let result: RunResult | null = null;
    let buffer: ArrayBuffer;
    try {
      result = runSnippet(String(source), {
        seed: num(request?.seed, 1, 0, 2 ** 31),
        trace: request?.trace !== false,
        recorder,
        budgets: { maxWallMs: num(request?.wallMs, wallBudget(), 50, 60_000) },
      });
      await nextTask();
      globals?.restore();
      buffer = replyBytes(runId, result);
    } catch (e) {
      // Whatever failed (the program broke something the reply is made of):
      // the learner gets a clear error and the output so far, not "the sandbox failed".
      const output = result?.output ?? [];
      const failed: RunResult = { ok: false, output, error: internalError(e), trace: null, stats: result?.stats ?? { compileMs: 0, runMs: 0, steps: 0, tasks: 0, virtualTime: 0 } };
      buffer = replyBytes(runId, failed);
    }
    return Comlink.transfer(buffer, [buffer]);
  },
  warm() {
    const r = runSnippet('import * as asyncio from "asyncio";\nasync function main() { await asyncio.sleep(0); }\nasyncio.run(main());', { trace: false });
    globals?.restore();
    const s = secured;
    return { ok: r.ok, bootMs: s?.ms ?? 0, lockdownMs: s?.report?.ms ?? 0, frozen: s?.report?.frozen ?? 0, problems: [...(s?.problems ?? []), ...(s?.report?.failures ?? [])].slice(0, 50) };
  },
};

function secure(options: SandboxOptions): void {
  const problems = options.stubs === false ? [] : installStubs(globalThis).map((n) => `not stubbed: ${n}`);
  let report: LockdownReport | null = null;
  if (options.lockdown !== false) {
    // A failure here must not leave the page without a sandbox: the worker
    // still answers, and names the problem in its warm-up report (the
    // browser tests require that list to be empty).
    try {
      report = lockdown({ globals: true, roots: runtimeRoots() });
    } catch (e) {
      problems.push(`lockdown failed: ${e instanceof Error ? e.message : String(e)}`.slice(0, 500));
      if (!isLockedDown()) report = lockdown({ globals: true });
    }
    globals = new GlobalsSnapshot(globalThis);
  }
  secured = { report, problems, ms: performance.now() - started };
}

let connected = false;
addEventListener("message", (event: MessageEvent) => {
  const data = event.data as { type?: unknown; port?: unknown; options?: unknown } | null;
  if (connected || data?.type !== "connect" || !(data.port instanceof MessagePort)) return;
  connected = true;
  const o = (typeof data.options === "object" && data.options !== null ? data.options : {}) as Record<string, unknown>;
  secure({ stubs: o.stubs !== false, lockdown: o.lockdown !== false });
  Comlink.expose(api, data.port);
});
