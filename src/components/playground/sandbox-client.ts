/**
 * The page's side of the sandbox: an invisible, opaque-origin iframe
 * (`sandbox="allow-scripts"`, its own Content-Security-Policy without any
 * network) that starts the snippet worker; the page talks to the worker
 * over comlink on a private MessageChannel.
 *
 * Layers, outside in: the page thread never runs learner code; the frame's
 * opaque origin keeps the page, its storage and other tabs out of reach;
 * its CSP (inherited by the worker) refuses every network request; the
 * worker stubs its network/storage/timer globals with clear errors and
 * freezes the intrinsics and the runtime before the first snippet
 * (worker.ts); the channel only lets through answers to the page's own
 * requests (guarded-port.ts), each a size-capped buffer naming its run,
 * checked where it lies by the codec it was written with (check-result.ts,
 * sandbox/wire.ts).
 *
 * A fresh sandbox for every run: each run takes a sandbox booted ahead of
 * time from a small pool of spares (one booted when the page is idle, two
 * once the learner has run something), and when the run is over that
 * sandbox is removed, iframe and worker together, and a replacement starts
 * booting at once. Nothing a program starts (timers the stubs do not
 * cover, chains of host callbacks) can outlive its run and land in the
 * next one, and Run stays as fast as with one long-lived worker: a boot is
 * in the path of a click only when clicks come faster than boots.
 *
 * Stopping: a run that does not answer within the wall-clock limit (an
 * infinite loop, or a loop of promise callbacks that starves the reply)
 * is stopped by removing its sandbox. While a run is out, the page pings
 * the frame: the frame answers from its own thread however busy the worker
 * is, so silence means its process died — out of memory — and the page
 * says so without waiting for the limit.
 *
 * What the page tells the learner about a run comes from two places only:
 * the guarded channel's reply to that run (checked, tied to its run id),
 * and the page's own watchdog (the limit, the frame's silence). Anything
 * else the frame passes on (a worker's uncaught error, whose words a
 * program chooses) is logged as unexpected, never shown as a verdict.
 *
 * One client serves every playground on the page (one run at a time).
 */
import * as Comlink from "comlink";
import { RUN_LIMIT_MS, wallBudget } from "../../sandbox/protocol.ts";
import type { RunResult } from "../../sandbox/run.ts";
import type { SandboxApi, SandboxOptions } from "../../sandbox/worker.ts";
import { checkReply } from "./check-result.ts";
import { guardPort } from "./guarded-port.ts";

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

/** How often the frame is pinged during a run, and how long a silence means it crashed. */
const PING_MS = 500;
const SILENCE_MS = 2500;

/** How long a sandbox may take to boot (load its frame, fetch, start and secure its worker) before a run counts as failed. */
const BOOT_LIMIT_MS = 30_000;

export const OUT_OF_MEMORY = "The sandbox ran out of memory and was stopped (did the program build something without end?). A fresh sandbox is ready for the next Run.";

interface Booted {
  readonly frame: HTMLIFrameElement;
  readonly port: MessagePort;
  readonly api: Comlink.Remote<SandboxApi>;
  /** When the frame last answered a ping (performance.now()). */
  lastPong: number;
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

/** Reports a message the channel dropped (see guarded-port.ts). */
function reportDropped(why: string): void {
  console.warn(`Async Lab sandbox: ignored ${why}.`);
}

const frames = new Map<Window, Booted>();
let pings = 0;

addEventListener("message", (event: MessageEvent) => {
  const booted = event.source ? frames.get(event.source as Window) : undefined;
  if (booted === undefined) return;
  const data = event.data as { type?: unknown; message?: unknown } | null;
  if (data?.type === "pong") booted.lastPong = performance.now();
  else if (data?.type === "sandbox-error") {
    // Its words are the program's to choose ("out of memory", say): unexpected, logged, never a verdict.
    const message = typeof data.message === "string" ? data.message.slice(0, 300) : "";
    console.warn(`Async Lab sandbox: ignored an uncaught error the worker reported (not a verdict): ${message}`);
  }
});

/**
 * Boots a sandbox frame and its worker. `options` switch the worker's own
 * defences off; only the page's code can pass them (the tests do, to check
 * the content security policy alone) — never a snippet or a link.
 */
function boot(options: SandboxOptions = {}): Promise<Booted> {
  const code = fetchWorkerCode(); // in parallel with the frame's load
  return new Promise((resolve, reject) => {
    const frame = document.createElement("iframe");
    frame.setAttribute("sandbox", "allow-scripts");
    frame.setAttribute("aria-hidden", "true");
    frame.tabIndex = -1;
    frame.title = "Async Lab sandbox";
    frame.className = "al-sandbox-frame";
    frame.style.cssText = "position:absolute;width:0;height:0;border:0;visibility:hidden";
    const onMessage = (event: MessageEvent) => {
      if (event.source !== frame.contentWindow || event.source === null) return;
      if ((event.data as { type?: unknown } | null)?.type !== "sandbox-ready") return;
      removeEventListener("message", onMessage);
      const win = event.source as Window;
      code.then((text) => {
        const channel = new MessageChannel();
        const booted: Booted = { frame, port: channel.port1, api: Comlink.wrap<SandboxApi>(guardPort(channel.port1, reportDropped)), lastPong: performance.now() };
        frames.set(win, booted);
        win.postMessage({ type: "start", code: text, port: channel.port2, options: { stubs: options.stubs !== false, lockdown: options.lockdown !== false } }, "*", [channel.port2]);
        // Ready once the worker has secured itself and answered: a run's
        // watchdog counts the run only, not the boot (which a busy machine
        // can stretch past the run limit).
        const slow = setTimeout(() => reject(new Error("the sandbox did not start")), BOOT_LIMIT_MS);
        booted.api.warm().then(
          () => {
            clearTimeout(slow);
            resolve(booted);
          },
          (e: unknown) => {
            clearTimeout(slow);
            reject(e instanceof Error ? e : new Error(String(e)));
          },
        );
      }, reject);
    };
    addEventListener("message", onMessage);
    frame.src = __SANDBOX_FRAME_URL__;
    document.body.append(frame);
  });
}

/** Sandboxes booted (or booting) ahead of the next runs, oldest first. */
const spares: Promise<Booted>[] = [];
/** How many spares to keep once the learner runs things (two: back-to-back Runs stay fast). */
const POOL = 2;

/** Boots spares until there are `count`. */
function prepareSpares(count: number): void {
  while (spares.length < count) {
    const next = boot();
    spares.push(next);
    next.catch(() => {
      const i = spares.indexOf(next);
      if (i >= 0) spares.splice(i, 1); // the next run boots one itself and says what failed
    });
  }
}

/** The sandbox for a run: the oldest spare (booted already, or booting), or a new one. */
function takeSandbox(): Promise<Booted> {
  return spares.shift() ?? boot();
}

/** Removes a sandbox: its iframe and worker, and whatever still runs there. */
function retire(sandbox: Promise<Booted>): void {
  sandbox
    .then((b) => {
      for (const [win, x] of frames) if (x === b) frames.delete(win);
      b.port.close();
      b.frame.remove();
    })
    .catch(() => undefined); // it never booted
}

/** Runs `fn` when the page is idle after showing a result, and within 300 ms at most. */
function afterPaint(fn: () => void): void {
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void }).requestIdleCallback;
  if (idle) idle(fn, { timeout: 300 });
  else setTimeout(fn, 50);
}

/** Runs taken a sandbox and not yet over: while one is, its own end boots the spares. */
let running = 0;

/**
 * Boots a sandbox ahead of the first Run (the page is idle, or the pointer
 * came near a playground). Not while a run is out: a boot then would only
 * compete with it for the processor, and the run's end boots the spares.
 */
export function warmSandbox(): void {
  if (running === 0) prepareSpares(1);
}

let queue: Promise<unknown> = Promise.resolve();

function newRunId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Runs `source` in the sandbox; runs are queued one at a time. */
export function runInSandbox(source: string, limitMs = RUN_LIMIT_MS): RunHandle {
  let cancel: () => void = () => undefined;
  const outcome = new Promise<RunOutcome>((resolve) => {
    const start = () => {
      let settled = false;
      let watching: Booted | null = null;
      // This run's own sandbox, removed when the run is over: the next run starts clean.
      const own = takeSandbox();
      running++;
      const finish = (o: RunOutcome) => {
        if (settled) return;
        settled = true;
        running--;
        if (timer !== undefined) clearTimeout(timer);
        clearInterval(pinger);
        resolve(o);
        // Once the page has shown the result (removing an iframe and making two
        // cost the page's thread tens of ms): the used sandbox goes, replacements boot.
        afterPaint(() => {
          retire(own);
          prepareSpares(POOL);
        });
      };
      const crashed = () => watching !== null && performance.now() - watching.lastPong > SILENCE_MS;
      const stop = () => finish(crashed() ? { kind: "failed", message: OUT_OF_MEMORY } : { kind: "timeout", limitMs });
      cancel = () => finish({ kind: "timeout", limitMs });
      // Started when the run is handed to a ready worker (booting is not the run's time).
      let timer: ReturnType<typeof setTimeout> | undefined;
      const pinger = setInterval(() => {
        if (watching === null) return;
        if (crashed()) return stop();
        watching.frame.contentWindow?.postMessage({ type: "ping", n: ++pings }, "*");
      }, PING_MS);
      const t0 = performance.now();
      const runId = newRunId();
      own
        .then((b) => {
          b.lastPong = performance.now();
          watching = b;
          if (!settled) timer = setTimeout(stop, limitMs);
          return b.api.run(source, { runId, wallMs: wallBudget(limitMs) });
        })
        .then(
          (raw) => {
            const reply = checkReply(raw, runId);
            if (!reply.ok) reportDropped(`a run reply: ${reply.why}`);
            finish(reply.ok ? { kind: "done", result: reply.result, ms: performance.now() - t0 } : { kind: "failed", message: "The sandbox sent back something that is not a run result; it was ignored." });
          },
          (e: unknown) => finish({ kind: "failed", message: `The sandbox failed: ${e instanceof Error ? e.message : String(e)}` }),
        );
      return outcome;
    };
    queue = queue.then(start, start);
  });
  return { outcome, cancel: () => cancel() };
}
