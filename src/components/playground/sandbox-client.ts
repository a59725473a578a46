/**
 * The page's side of the sandbox: an invisible, opaque-origin iframe
 * (`sandbox="allow-scripts"`, its own Content-Security-Policy without any
 * network) that starts the snippet worker; the page talks to the worker
 * over comlink on a private MessageChannel.
 *
 * A run that does not answer within the wall-clock limit (an infinite loop
 * never yields, so only killing its thread stops it) is stopped by removing
 * the whole iframe, worker included; a fresh one is booted at once so the
 * next Run is ready. Every reply is checked before use (`checkResult`):
 * whatever comes back from the worker is data from learner-controlled code.
 *
 * One client serves every playground on the page (one run at a time).
 */
import * as Comlink from "comlink";
import type { RunResult } from "../../sandbox/run.ts";
import type { SandboxApi } from "../../sandbox/worker.ts";
import { checkResult } from "./check-result.ts";

declare const __SANDBOX_WORKER_URL__: string;
declare const __SANDBOX_FRAME_URL__: string;

/** How a run ended. */
export type RunOutcome =
  | { readonly kind: "done"; readonly result: RunResult; readonly ms: number }
  | { readonly kind: "timeout"; readonly limitMs: number }
  | { readonly kind: "failed"; readonly message: string };

/** A run in progress (TutorialKit-style: cancellable). */
export interface RunHandle {
  readonly outcome: Promise<RunOutcome>;
  /** Stops the run (by replacing the sandbox) and resolves the outcome as timed out. */
  cancel(): void;
}

/** Real-time limit of one run. Lesson examples finish in milliseconds. */
export const RUN_LIMIT_MS = 4000;

interface Booted {
  readonly frame: HTMLIFrameElement;
  readonly port: MessagePort;
  readonly api: Comlink.Remote<SandboxApi>;
}

let workerCode: Promise<string> | null = null;

function fetchWorkerCode(): Promise<string> {
  workerCode ??= fetch(__SANDBOX_WORKER_URL__).then((r) => {
    if (!r.ok) throw new Error(`could not load the sandbox (${r.status})`);
    return r.text();
  });
  workerCode.catch(() => (workerCode = null));
  return workerCode;
}

function boot(): Promise<Booted> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement("iframe");
    frame.setAttribute("sandbox", "allow-scripts");
    frame.setAttribute("aria-hidden", "true");
    frame.tabIndex = -1;
    frame.title = "Async Lab sandbox";
    frame.className = "al-sandbox-frame";
    frame.style.cssText = "position:absolute;width:0;height:0;border:0;visibility:hidden";
    const onMessage = (event: MessageEvent) => {
      if (event.source !== frame.contentWindow) return;
      if ((event.data as { type?: unknown } | null)?.type !== "sandbox-ready") return;
      removeEventListener("message", onMessage);
      fetchWorkerCode().then((code) => {
        const channel = new MessageChannel();
        frame.contentWindow?.postMessage({ type: "start", code, port: channel.port2 }, "*", [channel.port2]);
        resolve({ frame, port: channel.port1, api: Comlink.wrap<SandboxApi>(channel.port1) });
      }, reject);
    };
    addEventListener("message", onMessage);
    frame.src = __SANDBOX_FRAME_URL__;
    document.body.append(frame);
  });
}

let current: Promise<Booted> | null = null;

function sandbox(): Promise<Booted> {
  current ??= boot();
  return current;
}

/** Removes the sandbox (stopping whatever runs in it) and boots the next one. */
function replaceSandbox(): void {
  const old = current;
  current = null;
  void old?.then((b) => {
    b.port.close();
    b.frame.remove();
  });
  void sandbox();
}

/** Boots the sandbox ahead of the first Run and warms its parser and runtime. */
export function warmSandbox(): void {
  void sandbox().then((b) => b.api.warm()).catch(() => undefined);
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs `source` in the sandbox; runs are queued one at a time. */
export function runInSandbox(source: string, limitMs = RUN_LIMIT_MS): RunHandle {
  let cancel: () => void = () => undefined;
  const outcome = new Promise<RunOutcome>((resolve) => {
    const start = () => {
      let settled = false;
      const finish = (o: RunOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(o);
      };
      const stop = () => {
        if (settled) return;
        replaceSandbox();
        finish({ kind: "timeout", limitMs });
      };
      cancel = stop;
      const timer = setTimeout(stop, limitMs);
      const t0 = performance.now();
      sandbox()
        .then((b) => b.api.run(source))
        .then(
          (raw) => {
            const result = checkResult(raw);
            finish(result ? { kind: "done", result, ms: performance.now() - t0 } : { kind: "failed", message: "The sandbox sent back something that is not a run result; it was ignored." });
          },
          (e: unknown) => finish({ kind: "failed", message: `The sandbox failed: ${e instanceof Error ? e.message : String(e)}` }),
        );
      return outcome;
    };
    queue = queue.then(start, start);
  });
  return { outcome, cancel: () => cancel() };
}
