/**
 * The `requests` module as snippets import it: a **blocking** HTTP client
 * on the simulated web. Called from a coroutine it freezes the event loop
 * for the whole request — every other task stops — which is lesson 1's
 * "before" picture and lesson 4's pitfall. In a function run with
 * `runInExecutor`/`toThread` it blocks only that worker thread.
 */
import { OSError, ValueError } from "../core/errors.ts";
import { currentSession } from "../core/session.ts";
import { requestLabel, startRequest, withParams } from "./client.ts";
import { parseUrl, type WebResponse } from "./web.ts";

/** Python's `requests.exceptions.RequestException`, base of the errors below. */
export class RequestException extends OSError {
  /** @internal The name Python gives the class (minifiers rename classes). */
  static override pyName = "RequestException";
}
/** Python's `requests.exceptions.HTTPError`: raised by `raiseForStatus()` for 4xx/5xx. */
export class HTTPError extends RequestException {
  /** @internal The name Python gives the class (minifiers rename classes). */
  static override pyName = "HTTPError";
}
/** Python's `requests.exceptions.ConnectionError`: unknown host, refused connection. */
export class ConnectionError extends RequestException {
  /** @internal The name Python gives the class (minifiers rename classes). */
  static override pyName = "ConnectionError";
}
/** Python's `requests.exceptions.Timeout`. */
export class Timeout extends RequestException {
  /** @internal The name Python gives the class (minifiers rename classes). */
  static override pyName = "Timeout";
}
/** Python's `requests.exceptions.ReadTimeout`: no answer within `timeout` seconds. */
export class ReadTimeout extends Timeout {
  /** @internal The name Python gives the class (minifiers rename classes). */
  static override pyName = "ReadTimeout";
}
/** Python's `requests.exceptions.MissingSchema`: a URL without `http://` or `https://`. */
export class MissingSchema extends RequestException {
  /** @internal The name Python gives the class (minifiers rename classes). */
  static override pyName = "MissingSchema";
}
/** Python's `requests.exceptions.JSONDecodeError`. */
export class JSONDecodeError extends RequestException {
  /** @internal The name Python gives the class (minifiers rename classes). */
  static override pyName = "JSONDecodeError";
}

/** Python's `requests.exceptions` module. */
export const exceptions = { RequestException, HTTPError, ConnectionError, Timeout, ReadTimeout, MissingSchema, JSONDecodeError };

/** Options of `requests.get(url, ...)`. */
export interface RequestOptions {
  /** Query parameters added to the URL. */
  params?: Record<string, unknown>;
  /** Request headers. */
  headers?: Record<string, string>;
  /** Seconds to wait for an answer; without one, a host that never answers blocks forever. Default: none. */
  timeout?: number | null;
  /** Body as JSON. */
  json?: unknown;
  /** Body as text. */
  data?: string;
}

/** Python's `requests.Response`. */
export class Response {
  /** Python's `status_code`. */
  readonly statusCode: number;
  /** Reason phrase, e.g. "OK". */
  readonly reason: string;
  /** Response headers. */
  readonly headers: Readonly<Record<string, string>>;
  /** The final URL. */
  readonly url: string;
  /** Python's `r.text`: the body. */
  readonly text: string;

  /** Made by `requests.get()` when the answer arrives. */
  constructor(r: WebResponse) {
    this.statusCode = r.status;
    this.reason = r.reason;
    this.headers = r.headers;
    this.url = r.url;
    this.text = r.body;
  }

  /** Python's `r.ok`: status below 400. */
  get ok(): boolean {
    return this.statusCode < 400;
  }

  /** Python's `r.json()`. */
  json<T = unknown>(): T {
    try {
      return JSON.parse(this.text) as T;
    } catch {
      throw new JSONDecodeError("Expecting value: line 1 column 1 (char 0)");
    }
  }

  /** Python's `r.raise_for_status()`. */
  raiseForStatus(): void {
    if (this.statusCode >= 400) {
      const kind = this.statusCode < 500 ? "Client" : "Server";
      throw new HTTPError(`${this.statusCode} ${kind} Error: ${this.reason} for url: ${this.url}`);
    }
  }

  /** Python's repr: `<Response [200]>`. */
  __repr__(): string {
    return `<Response [${this.statusCode}]>`;
  }
}

/** Blocks the current thread: the event loop if called from a coroutine, else a worker. */
function block(seconds: number, label: string): void {
  const session = currentSession();
  if (session.thread !== null) session.thread.sleep(seconds);
  else if (session.loop !== null && session.loop.isRunning()) session.loop._block(seconds, label);
  else session.lastTime += seconds;
}

/** Python's `requests.request(method, url, ...)`. */
export function request(method: string, url: string, options: RequestOptions = {}): Response {
  if (typeof url !== "string" || parseUrl(url) === null) {
    if (typeof url === "string" && !/^[a-z]+:\/\//i.test(url)) {
      throw new MissingSchema(`Invalid URL '${url}': No scheme supplied. Perhaps you meant https://${url}?`);
    }
    throw new ValueError(`Invalid URL '${String(url)}'`);
  }
  const full = withParams(url, options.params);
  const timeout = options.timeout ?? null;
  const body = options.json !== undefined ? JSON.stringify(options.json) : options.data;
  const req = startRequest({ method, url: full, body, headers: options.headers }, true);
  const outcome = req.outcome;
  const label = requestLabel(method, full);
  const latency = outcome.kind === "never" ? Infinity : outcome.latency;
  const wait = timeout === null ? latency : Math.min(timeout, latency);
  const host = req.info.host;
  if (wait === Infinity) {
    req.finish("never answered");
    throw currentSession().abort(
      "time",
      `requests.${method.toLowerCase()}('${full}') would block forever: ${host} never answers and no timeout was given. Pass { timeout: seconds }.`,
    );
  }
  block(wait, label);
  if (latency > wait) {
    req.finish("timeout");
    throw new ReadTimeout(`HTTPSConnectionPool(host='${host}', port=443): Read timed out. (read timeout=${timeout})`);
  }
  if (outcome.kind === "error") {
    req.finish(outcome.error);
    const path = parseUrl(full)?.path ?? "/";
    throw new ConnectionError(
      `HTTPSConnectionPool(host='${host}', port=${outcome.port ?? 443}): Max retries exceeded with url: ${path} (Caused by NewConnectionError('Failed to establish a new connection: ${outcome.strerror ?? outcome.message}'))`,
    );
  }
  const r = (outcome as { response: WebResponse }).response;
  req.finish(`${r.status} ${r.reason}`);
  return new Response(r);
}

/**
 * Python's `requests.get(url, params=None, timeout=None)`: fetches `url`
 * and **blocks** until the answer arrives.
 * @example
 * const r = requests.get("https://httpbin.org/delay/1");   // the loop is frozen for 1 s
 * print(r.statusCode, r.json());
 */
export function get(url: string, options: RequestOptions = {}): Response {
  return request("GET", url, options);
}

/** Python's `requests.post(url, json=..., data=...)`. */
export function post(url: string, options: RequestOptions = {}): Response {
  return request("POST", url, options);
}

/** Python's `requests.put(url, ...)`. */
export function put(url: string, options: RequestOptions = {}): Response {
  return request("PUT", url, options);
}

/** Python's `requests.delete(url, ...)`. */
export function del(url: string, options: RequestOptions = {}): Response {
  return request("DELETE", url, options);
}
export { del as delete };
