/**
 * The worker's own globals that a snippet must not use, replaced by ones
 * that throw a clear error — so a learner who tries `fetch(...)` reads
 * "network access is disabled in the sandbox" in the output instead of a
 * silent failure or a console message they never see.
 *
 * This is the friendly layer, not the wall. The wall is the sandbox frame's
 * content security policy (`connect-src 'none'`, `script-src` without any
 * URL, `worker-src blob:` ...), which the worker inherits and which holds
 * even if a stub were bypassed; the browser tests check the policy alone
 * with these stubs switched off.
 *
 * Each stub is installed on the global object and on every prototype of
 * its chain that has the property, so neither `fetch(...)` nor
 * `Object.getPrototypeOf(self).fetch.call(self, ...)` reaches the real one;
 * `lockdown()` then makes them read-only. Real timers get the same
 * treatment for another reason: their callbacks would run after the run has
 * ended, outside the virtual clock.
 */
import { RuntimeError } from "../runtime/index.ts";

const { defineProperty, getOwnPropertyDescriptor, getPrototypeOf } = Object;
const hasOwn = Object.hasOwn;

/**
 * What a stub throws: Python's `RuntimeError`, under its own name so the
 * output says where it comes from.
 * @example
 * fetch("https://example.com"); // SandboxError: fetch() is not available: network access is disabled in the sandbox...
 */
export class SandboxError extends RuntimeError {
  static override pyName = "SandboxError";
}

const NETWORK = "network access is disabled in the sandbox. Programs here reach Async Lab's simulated web through aiohttp or requests.";
const STORAGE = "storage is disabled in the sandbox: programs run in an isolated worker, away from the page and its data.";
const PAGE = "programs run in a sandboxed worker, away from the page. Use print() to show results.";
const TIMER =
  "real timers are disabled in the sandbox: their callbacks would run after the program has ended. Use await asyncio.sleep(seconds), or asyncio.getRunningLoop().callLater(delay, callback), on asyncio's virtual clock.";

type Kind = "call" | "get";

/** Global name → how it is used (called / constructed, or read) and why it is unavailable. */
export const GLOBAL_STUBS: Readonly<Record<string, readonly [Kind, string]>> = Object.freeze({
  // Every way a worker can reach the network.
  fetch: ["call", NETWORK],
  XMLHttpRequest: ["call", NETWORK],
  WebSocket: ["call", NETWORK],
  WebSocketStream: ["call", NETWORK],
  EventSource: ["call", NETWORK],
  WebTransport: ["call", NETWORK],
  importScripts: ["call", NETWORK],
  Worker: ["call", NETWORK],
  SharedWorker: ["call", NETWORK],
  FontFace: ["call", NETWORK],
  fonts: ["get", NETWORK],
  // Storage.
  indexedDB: ["get", STORAGE],
  caches: ["get", STORAGE],
  localStorage: ["get", STORAGE],
  sessionStorage: ["get", STORAGE],
  cookieStore: ["get", STORAGE],
  // The page (none of these exist in a worker; the stub explains why).
  document: ["get", PAGE],
  window: ["get", PAGE],
  parent: ["get", PAGE],
  top: ["get", PAGE],
  opener: ["get", PAGE],
  alert: ["call", PAGE],
  // Callbacks that would outlive the run.
  setTimeout: ["call", TIMER],
  setInterval: ["call", TIMER],
  queueMicrotask: ["call", TIMER],
  requestAnimationFrame: ["call", TIMER],
  scheduler: ["get", TIMER],
  MessageChannel: ["call", TIMER],
  BroadcastChannel: ["call", TIMER],
  // The worker's own line to its frame, and its off switch.
  postMessage: ["call", "the sandbox talks to the page only through the program's output (print)."],
  close: ["call", "a program cannot close the sandbox; it stops when the program ends."],
});

/** `navigator` members stubbed the same way. */
export const NAVIGATOR_STUBS: Readonly<Record<string, readonly [Kind, string]>> = Object.freeze({
  sendBeacon: ["call", NETWORK],
  serviceWorker: ["get", NETWORK],
  storage: ["get", STORAGE],
});

function fail(name: string, why: string): never {
  throw new SandboxError(`${name} is not available: ${why}`);
}

function stubDescriptor(name: string, kind: Kind, why: string): PropertyDescriptor {
  if (kind === "get") {
    return {
      get: function denied() {
        return fail(name, why);
      },
      set: function denied() {
        return fail(name, why);
      },
      enumerable: false,
      configurable: true,
    };
  }
  // A plain function, so both `fetch(...)` and `new WebSocket(...)` reach it.
  const stub = function (this: unknown) {
    return fail(`${name}()`, why);
  };
  defineProperty(stub, "name", { value: name });
  return { value: stub, writable: true, enumerable: false, configurable: true };
}

/** Installs `stubs` on `target` and on each object of its prototype chain that has them; returns the names it could not replace. */
function install(target: object, stubs: Readonly<Record<string, readonly [Kind, string]>>, label: string): string[] {
  const failed: string[] = [];
  for (const [name, [kind, why]] of Object.entries(stubs)) {
    const descriptor = stubDescriptor(label === "" ? name : `${label}.${name}`, kind, why);
    for (let o: object | null = target; o !== null && o !== Object.prototype; o = getPrototypeOf(o)) {
      if (o !== target && !hasOwn(o, name)) continue;
      const own = getOwnPropertyDescriptor(o, name);
      if (own !== undefined && !own.configurable) {
        failed.push(`${label === "" ? "" : `${label}.`}${name}`);
        continue;
      }
      try {
        defineProperty(o, name, descriptor);
      } catch {
        failed.push(`${label === "" ? "" : `${label}.`}${name}`);
      }
    }
  }
  return failed;
}

/**
 * Replaces the network, storage, page and timer globals of `global` (the
 * worker's `self`) with stubs that throw `SandboxError`. Returns the names
 * that could not be replaced (none in Chromium, Firefox or Safari).
 */
export function installStubs(global: object): string[] {
  const failed = install(global, GLOBAL_STUBS, "");
  const nav = (getOwnPropertyDescriptor(global, "navigator")?.get?.call(global) ?? (global as { navigator?: unknown }).navigator) as object | undefined;
  if (typeof nav === "object" && nav !== null) failed.push(...install(nav, NAVIGATOR_STUBS, "navigator"));
  return failed;
}

/**
 * The global's own property names at one moment; `restore()` deletes the
 * ones a snippet added since, so a run cannot leave globals for the next.
 */
export class GlobalsSnapshot {
  private readonly keys: Set<PropertyKey>;
  private readonly global: object;
  constructor(global: object) {
    this.global = global;
    this.keys = new Set(Reflect.ownKeys(global));
  }

  /** Deletes globals added since the snapshot; false if one could not be deleted (defined non-configurable). */
  restore(): boolean {
    let clean = true;
    for (const key of Reflect.ownKeys(this.global)) {
      if (this.keys.has(key)) continue;
      if (!Reflect.deleteProperty(this.global, key)) clean = false;
    }
    return clean;
  }
}
