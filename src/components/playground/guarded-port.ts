/**
 * The page's end of the private channel to the sandbox worker, as comlink
 * sees it: a MessagePort wrapped so that only answers to the page's own
 * outstanding requests get through, each once, in the shape its request
 * expects, within a size cap. Anything else — a reply nobody asked for, a
 * second reply to the same request, a reply of the wrong shape — is
 * dropped and reported.
 *
 * Only the worker holds the other end, and the lockdown keeps snippets
 * away from it; this is the check that does not depend on that. A reply
 * that fails its checks still ends its request (as an error), so a run
 * never waits for the watchdog because of a malformed answer.
 *
 * Comlink's wire format (v4): requests `{ id, type: "APPLY", path, argumentList }`,
 * replies `{ id, type: "RAW", value }` or `{ id, type: "HANDLER", name: "throw", value }`.
 */
import type { Endpoint } from "comlink";
import { LIMITS } from "../../sandbox/protocol.ts";

/** What each request of the sandbox API may be answered with. */
export type RequestKind = "run" | "warm" | "release" | "other";

export interface GuardLimits {
  /** Largest `run` reply (an ArrayBuffer: sandbox/wire.ts), bytes. */
  readonly maxRunBytes: number;
  /** Largest `warm` reply, characters of JSON. */
  readonly maxWarmChars: number;
  /** Longest error name / message passed on. */
  readonly maxErrorChars: number;
}

export const DEFAULT_LIMITS: GuardLimits = { maxRunBytes: LIMITS.replyBytes, maxWarmChars: 8192, maxErrorChars: 2000 };

type Listener = (event: MessageEvent) => void;

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null;

function kindOf(message: Record<string, unknown>): RequestKind {
  if (message.type === "RELEASE") return "release";
  if (message.type !== "APPLY" || !Array.isArray(message.path) || message.path.length !== 1) return "other";
  return message.path[0] === "run" ? "run" : message.path[0] === "warm" ? "warm" : "other";
}

function thrown(id: string, name: string, message: string): Record<string, unknown> {
  return { id, type: "HANDLER", name: "throw", value: { isError: true, value: { name, message, stack: "" } } };
}

/**
 * Checks one incoming message. Returns the message to hand to comlink (a
 * fresh object holding only checked values), or null to drop it, with the
 * reason passed to `report`.
 */
export function screenReply(data: unknown, pending: Map<string, RequestKind>, limits: GuardLimits, report: (why: string) => void): Record<string, unknown> | null {
  if (!isObj(data) || typeof data.id !== "string") {
    report("a message that is not a reply to any request");
    return null;
  }
  const id = data.id;
  const kind = pending.get(id);
  if (kind === undefined) {
    report("a reply to no outstanding request (unsolicited, forged or repeated)");
    return null;
  }
  pending.delete(id);
  const cap = (x: unknown) => String(typeof x === "string" ? x : "").slice(0, limits.maxErrorChars);
  if (data.type === "HANDLER" && data.name === "throw") {
    const v = isObj(data.value) ? data.value : {};
    const inner = isObj(v.value) ? v.value : {};
    return v.isError === true ? thrown(id, cap(inner.name) || "Error", cap(inner.message)) : thrown(id, "Error", cap(typeof v.value === "string" ? v.value : "the sandbox raised a non-error"));
  }
  const bad = (what: string) => {
    report(what);
    return thrown(id, "Error", `the sandbox sent ${what}; it was ignored`);
  };
  if (data.type !== "RAW") return bad("a reply of an unknown type");
  const value = data.value;
  switch (kind) {
    case "run":
      if (!(value instanceof ArrayBuffer)) return bad("a run reply that is not a buffer");
      if (value.byteLength > limits.maxRunBytes) return bad(`a run reply of ${value.byteLength} bytes (over the ${limits.maxRunBytes}-byte cap)`);
      return { id, type: "RAW", value };
    case "warm": {
      let json: string | undefined;
      try {
        json = JSON.stringify(value);
      } catch {
        json = undefined;
      }
      if (json === undefined || json.length > limits.maxWarmChars) return bad("a warm-up reply that is not small plain data");
      return { id, type: "RAW", value: JSON.parse(json) as unknown };
    }
    case "release":
      return { id, type: "RAW", value: undefined };
    default:
      return bad("a reply to a request the page never makes");
  }
}

/**
 * Wraps `port` for `Comlink.wrap`: outgoing requests are remembered by id,
 * incoming messages screened by `screenReply`; `report` hears about every
 * message dropped.
 */
export function guardPort(port: MessagePort, report: (why: string) => void, limits: GuardLimits = DEFAULT_LIMITS): Endpoint {
  const pending = new Map<string, RequestKind>();
  const wrapped = new Map<EventListenerOrEventListenerObject, Listener>();
  return {
    postMessage(message: unknown, transfer?: Transferable[]) {
      if (isObj(message) && typeof message.id === "string") pending.set(message.id, kindOf(message));
      port.postMessage(message, transfer ?? []);
    },
    addEventListener(type: string, listener: EventListenerOrEventListenerObject) {
      if (type !== "message" || wrapped.has(listener)) return;
      const guarded: Listener = (event) => {
        const data = screenReply(event.data, pending, limits, report);
        if (data === null) return;
        const forward = { data } as MessageEvent;
        if (typeof listener === "function") listener(forward);
        else listener.handleEvent(forward);
      };
      wrapped.set(listener, guarded);
      port.addEventListener("message", guarded);
    },
    removeEventListener(type: string, listener: EventListenerOrEventListenerObject) {
      const guarded = wrapped.get(listener);
      if (type !== "message" || guarded === undefined) return;
      wrapped.delete(listener);
      port.removeEventListener("message", guarded);
    },
    start() {
      port.start();
    },
  };
}
