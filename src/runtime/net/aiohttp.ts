/**
 * The `aiohttp` module as snippets import it: an asynchronous HTTP client
 * that talks to the simulated web (`web.ts`). Waiting for a response is an
 * ordinary wait on the loop, so other tasks run meanwhile — which is the
 * whole point of lesson 1. Nothing reaches the real network.
 */
import { Coroutine } from "../core/coroutine.ts";
import { Exception, RuntimeError, TimeoutError, ValueError } from "../core/errors.ts";
import { LabeledFuture, setResultUnlessCancelled } from "../core/future.ts";
import { getRunningLoop } from "../asyncio/running.ts";
import { timeout as timeoutCm } from "../asyncio/timeouts.ts";
import { withBlock } from "../asyncio/with.ts";
import { requestLabel, startRequest, withParams } from "./client.ts";
import type { WebOutcome, WebResponse } from "./web.ts";

/** Base of aiohttp's errors (Python's `aiohttp.ClientError`). */
export class ClientError extends Exception {
  /** @internal The name Python gives the class (minifiers rename classes). */
  static override pyName = "ClientError";
}
/** Python's `aiohttp.ClientResponseError`: raised by `raiseForStatus()` for 4xx/5xx. */
export class ClientResponseError extends ClientError {
  /** @internal The name Python gives the class (minifiers rename classes). */
  static override pyName = "ClientResponseError";
  /** The HTTP status. */
  status = 0;
}
/** Python's `aiohttp.ClientConnectionError`. */
export class ClientConnectionError extends ClientError {
  /** @internal The name Python gives the class (minifiers rename classes). */
  static override pyName = "ClientConnectionError";
}
/** Python's `aiohttp.ClientConnectorError`: the connection could not be made (refused, unknown host). */
export class ClientConnectorError extends ClientConnectionError {
  /** @internal The name Python gives the class (minifiers rename classes). */
  static override pyName = "ClientConnectorError";
}
/** Python's `aiohttp.ClientConnectorDNSError`: the host name does not resolve. */
export class ClientConnectorDNSError extends ClientConnectorError {
  /** @internal The name Python gives the class (minifiers rename classes). */
  static override pyName = "ClientConnectorDNSError";
}
/** Python's `aiohttp.InvalidURL`. */
export class InvalidURL extends ClientError {
  /** @internal The name Python gives the class (minifiers rename classes). */
  static override pyName = "InvalidURL";
}
/** Python's `aiohttp.ContentTypeError`: `json()` on a response that is not JSON. */
export class ContentTypeError extends ClientResponseError {
  /** @internal The name Python gives the class (minifiers rename classes). */
  static override pyName = "ContentTypeError";
}
/**
 * Python's `aiohttp.ServerTimeoutError`: the request's timeout expired.
 * It is an `asyncio.TimeoutError`, so `catch (e) { if (e instanceof TimeoutError) ... }` catches it.
 */
export class ServerTimeoutError extends TimeoutError {
  /** @internal The name Python gives the class (minifiers rename classes). */
  static override pyName = "ServerTimeoutError";
}

/** Options of `new ClientTimeout(...)`. */
export interface ClientTimeoutOptions {
  /** Seconds for the whole request; `null` for none. Default: null. */
  total?: number | null;
}

/**
 * Python's `aiohttp.ClientTimeout(total=...)`.
 * @example
 * await using session = new aiohttp.ClientSession({ timeout: new aiohttp.ClientTimeout({ total: 5 }) });
 */
export class ClientTimeout {
  /** Seconds for the whole request, or null for no limit. */
  readonly total: number | null;
  /** `new aiohttp.ClientTimeout({ total: 5 })`. */
  constructor(options: ClientTimeoutOptions = {}) {
    this.total = options.total ?? null;
  }
}

/** aiohttp's default: 5 minutes for the whole request. */
const DEFAULT_TIMEOUT = new ClientTimeout({ total: 300 });

/** Options of `session.get(url, ...)` and the other request methods. */
export interface RequestOptions {
  /** Query parameters added to the URL. */
  params?: Record<string, unknown>;
  /** Request headers, added to the session's. */
  headers?: Record<string, string>;
  /** Seconds, or a `ClientTimeout`; overrides the session's. */
  timeout?: number | ClientTimeout | null;
  /** Body as JSON. */
  json?: unknown;
  /** Body as text. */
  data?: string;
}

/** Options of `new ClientSession(...)`. */
export interface ClientSessionOptions {
  /** Default timeout of every request. Default: `ClientTimeout({ total: 300 })`. */
  timeout?: ClientTimeout | number;
  /** Headers sent with every request. Default: none. */
  headers?: Record<string, string>;
}

/**
 * Python's `aiohttp.ClientResponse`: what awaiting `session.get(url)` gives.
 * The body has arrived by then; `text()`/`json()` return it without waiting.
 */
export class ClientResponse {
  /** HTTP status, e.g. 200. */
  readonly status: number;
  /** Reason phrase, e.g. "OK". */
  readonly reason: string;
  /** Response headers (Python: `resp.headers`). */
  readonly headers: Readonly<Record<string, string>>;
  /** The final URL. */
  readonly url: string;
  /** The request's method, e.g. "GET". */
  readonly method: string;
  private readonly body: string;
  private released = false;

  /** Made by the session when the answer arrives. */
  constructor(method: string, r: WebResponse) {
    this.method = method;
    this.status = r.status;
    this.reason = r.reason;
    this.headers = r.headers;
    this.url = r.url;
    this.body = r.body;
  }

  /** Python's `resp.ok`: status below 400. */
  get ok(): boolean {
    return this.status < 400;
  }

  /** Python's `await resp.text()`. */
  text(): Coroutine<string> {
    const body = this.body;
    return new Coroutine((function* () {
      return body;
    })(), "ClientResponse.text");
  }

  /** Python's `await resp.read()`: the body (as text here). */
  read(): Coroutine<string> {
    return this.text();
  }

  /** Python's `await resp.json()`: the body parsed as JSON (`ContentTypeError` if it is not JSON). */
  json<T = unknown>(): Coroutine<T> {
    const self = this;
    return new Coroutine((function* () {
      const type = self.headers["Content-Type"] ?? "";
      if (!type.includes("json")) {
        const e = new ContentTypeError(`${self.status}, message='Attempt to decode JSON with unexpected mimetype: ${type.split(";")[0]}', url='${self.url}'`);
        e.status = self.status;
        throw e;
      }
      return JSON.parse(self.body) as T;
    })(), "ClientResponse.json");
  }

  /** Python's `resp.raise_for_status()`: `ClientResponseError` for a 4xx/5xx status. */
  raiseForStatus(): void {
    if (this.status >= 400) {
      const e = new ClientResponseError(`${this.status}, message='${this.reason}', url='${this.url}'`);
      e.status = this.status;
      throw e;
    }
  }

  /** Python's `resp.release()`. */
  release(): void {
    this.released = true;
  }

  /** @internal `async with resp:` */
  __aenter__(): Coroutine<this> {
    const self = this;
    return new Coroutine((function* () {
      return self;
    })(), "ClientResponse.__aenter__");
  }

  /** @internal */
  __aexit__(): Coroutine<boolean> {
    const self = this;
    return new Coroutine((function* () {
      self.release();
      return false;
    })(), "ClientResponse.__aexit__");
  }

  /** Lets TypeScript accept `await using`; the snippet pipeline calls `__aexit__` instead, passing the block's error. */
  [Symbol.asyncDispose](): PromiseLike<void> {
    return this.__aexit__() as PromiseLike<unknown> as PromiseLike<void>;
  }

  /** Python's repr: `<ClientResponse(https://httpbin.org/get) [200 OK]>`. */
  __repr__(): string {
    return `<ClientResponse(${this.url}) [${this.status} ${this.reason}]>`;
  }
}

/**
 * Python's `aiohttp.ClientSession`: make one per program and reuse it for
 * every request. In a snippet: `await using session = new aiohttp.ClientSession();`
 * (Python: `async with aiohttp.ClientSession() as session:`).
 * @example
 * await using session = new aiohttp.ClientSession();
 * const resp = await session.get("https://httpbin.org/delay/1");
 * print(resp.status, await resp.text());
 */
export class ClientSession {
  private readonly timeout: ClientTimeout;
  private readonly headers: Record<string, string>;
  private isClosed = false;

  /** `new aiohttp.ClientSession({ timeout, headers })`: defaults for every request it makes. */
  constructor(options: ClientSessionOptions = {}) {
    const t = options.timeout;
    this.timeout = t === undefined ? DEFAULT_TIMEOUT : typeof t === "number" ? new ClientTimeout({ total: t }) : t;
    this.headers = { ...options.headers };
  }

  /** Python's `session.closed`. */
  get closed(): boolean {
    return this.isClosed;
  }

  /** Python's `session.get(url, params=..., timeout=...)`: await it for the response. */
  get(url: string, options: RequestOptions = {}): Coroutine<ClientResponse> {
    return this.request("GET", url, options);
  }

  /** Python's `session.post(url, json=..., data=...)`. */
  post(url: string, options: RequestOptions = {}): Coroutine<ClientResponse> {
    return this.request("POST", url, options);
  }

  /** Python's `session.put(url, ...)`. */
  put(url: string, options: RequestOptions = {}): Coroutine<ClientResponse> {
    return this.request("PUT", url, options);
  }

  /** Python's `session.delete(url, ...)`. */
  delete(url: string, options: RequestOptions = {}): Coroutine<ClientResponse> {
    return this.request("DELETE", url, options);
  }

  /** Python's `session.request(method, url, ...)`. */
  request(method: string, url: string, options: RequestOptions = {}): Coroutine<ClientResponse> {
    return new Coroutine(this.requestBody(method, url, options), `ClientSession.${method.toLowerCase()}`);
  }

  /** Python's `await session.close()`. */
  close(): Coroutine<void> {
    const self = this;
    return new Coroutine((function* () {
      self.isClosed = true;
    })(), "ClientSession.close");
  }

  /** @internal `async with ClientSession() as session:` */
  __aenter__(): Coroutine<this> {
    const self = this;
    return new Coroutine((function* () {
      return self;
    })(), "ClientSession.__aenter__");
  }

  /** @internal */
  __aexit__(): Coroutine<boolean> {
    const self = this;
    return new Coroutine((function* () {
      self.isClosed = true;
      return false;
    })(), "ClientSession.__aexit__");
  }

  /** Lets TypeScript accept `await using`; the snippet pipeline calls `__aexit__` instead, passing the block's error. */
  [Symbol.asyncDispose](): PromiseLike<void> {
    return this.__aexit__() as PromiseLike<unknown> as PromiseLike<void>;
  }

  private *requestBody(method: string, rawUrl: string, options: RequestOptions): Generator<unknown, ClientResponse, unknown> {
    if (this.isClosed) throw new RuntimeError("Session is closed");
    if (typeof rawUrl !== "string") throw new InvalidURL(String(rawUrl));
    const url = withParams(rawUrl, options.params);
    const body = options.json !== undefined ? JSON.stringify(options.json) : options.data;
    const headers = { ...this.headers, ...options.headers, ...(options.json !== undefined ? { "Content-Type": "application/json" } : {}) };
    const t = options.timeout;
    const total = t === undefined ? this.timeout.total : t === null ? null : typeof t === "number" ? t : t.total;
    if (total !== null && (typeof total !== "number" || Number.isNaN(total))) throw new ValueError(`timeout must be a number, got ${String(total)}`);

    const loop = getRunningLoop();
    const req = startRequest({ method, url, body, headers }, false);
    const outcome = req.outcome;
    const label = requestLabel(method, url);
    const fut = new LabeledFuture<WebOutcome>(loop, { kind: "http", text: label, target: req.info.id });
    const timer = outcome.kind === "never" ? null : loop._timer(loop.time() + outcome.latency, setResultUnlessCancelled, [fut, outcome], label);
    let status = "cancelled";
    try {
      if (total === null) yield fut;
      else {
        try {
          yield* withBlock(timeoutCm(total), function* () {
            yield fut;
          });
        } catch (e) {
          if (e instanceof TimeoutError && !(e instanceof ServerTimeoutError)) {
            status = "timeout";
            const err = new ServerTimeoutError("Timeout on reading data from socket");
            err.__cause__ = e;
            throw err;
          }
          throw e;
        }
      }
      if (outcome.kind === "error") {
        status = outcome.error;
        if (outcome.error === "InvalidURL") throw new InvalidURL(outcome.message);
        throw new (outcome.error === "DNSError" ? ClientConnectorDNSError : ClientConnectorError)(outcome.message);
      }
      const r = (outcome as { response: WebResponse }).response;
      status = `${r.status} ${r.reason}`;
      return new ClientResponse(method.toUpperCase(), r);
    } finally {
      timer?.cancel();
      req.finish(status);
    }
  }

  /** Python's repr: `<aiohttp.client.ClientSession object>`. */
  __repr__(): string {
    return `<aiohttp.client.ClientSession object${this.isClosed ? " (closed)" : ""}>`;
  }
}
