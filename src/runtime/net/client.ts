/**
 * What the `aiohttp` and `requests` clients share: the session's simulated
 * web, requests in flight per host, and the trace hooks for a request.
 */
import type { HttpInfo } from "../core/instrument.ts";
import { currentSession, type Session } from "../core/session.ts";
import { hostOf, SimulatedWeb, type WebOutcome, type WebRequest } from "./web.ts";

interface NetState {
  readonly web: SimulatedWeb;
  readonly inFlight: Map<string, number>;
}

function netState(session: Session): NetState {
  let state = session.extras.get("net") as NetState | undefined;
  if (state === undefined) {
    state = { web: new SimulatedWeb(session.seed), inFlight: new Map() };
    session.extras.set("net", state);
  }
  return state;
}

/** A request in progress: its outcome (decided at the start) and the bookkeeping to end it. */
export interface StartedRequest {
  /** The request as the trace sees it. */
  readonly info: HttpInfo;
  /** How it will end (the client does the waiting). */
  readonly outcome: WebOutcome;
  /** Marks the request finished (in-flight count, trace); call exactly once. */
  finish(outcome: string): void;
}

/** Starts a request: counts it in flight, asks the web for its outcome, records it. */
export function startRequest(req: WebRequest, blocking: boolean): StartedRequest {
  const session = currentSession();
  const state = netState(session);
  const host = hostOf(req.url) ?? "";
  const n = (state.inFlight.get(host) ?? 0) + 1;
  state.inFlight.set(host, n);
  const info: HttpInfo = { id: session.nextId(), method: req.method.toUpperCase(), url: req.url, host, line: session.cursor.l, blocking };
  session.hooks.httpStarted?.httpStarted(info);
  const outcome = state.web.request(req, n);
  let finished = false;
  return {
    info,
    outcome,
    finish(text: string) {
      if (finished) return;
      finished = true;
      state.inFlight.set(host, (state.inFlight.get(host) ?? 1) - 1);
      session.hooks.httpFinished?.httpFinished(info, text);
    },
  };
}

/** "GET httpbin.org/delay/1": how the timeline names a request. */
export function requestLabel(method: string, url: string): string {
  return `${method.toUpperCase()} ${url.replace(/^https?:\/\//, "")}`;
}

/** Adds `params` to a URL's query string, as both clients do. */
export function withParams(url: string, params?: Record<string, unknown> | null): string {
  if (!params) return url;
  const parts = Object.entries(params)
    .filter(([, v]) => v !== null && v !== undefined)
    .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${encodeURIComponent(k)}=${encodeURIComponent(String(x))}`));
  if (parts.length === 0) return url;
  return `${url}${url.includes("?") ? "&" : "?"}${parts.join("&")}`;
}
