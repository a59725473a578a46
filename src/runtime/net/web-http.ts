/**
 * The vocabulary every simulated host speaks: the request and outcome types
 * that `web.ts` exports, HTTP reason phrases, and the helpers hosts use to
 * build a response. Hosts live in `web-httpbin.ts` and `web-sites.ts`.
 */
import type { ParsedUrl } from "./web-url.ts";
import type { Random } from "./web-random.ts";

/** One HTTP request as a client hands it to the web. */
export interface WebRequest {
  /** `GET`, `POST`, ...; case-insensitive. */
  method: string;
  /** Absolute `http:`/`https:` URL, query included (clients merge `params` in). */
  url: string;
  /** Request body as text; `json=` payloads already serialized. Default: none. */
  body?: string;
  /** Request headers as the client sends them (default ones included). Default: none. */
  headers?: Record<string, string>;
}

/** What a host answered. */
export interface WebResponse {
  /** HTTP status, e.g. 200. */
  status: number;
  /** Python's phrase for the status (`http.HTTPStatus`), e.g. `Not Found`; `""` if unknown. */
  reason: string;
  /** Always has `Content-Type` and `Content-Length`. */
  headers: Record<string, string>;
  /** The body text (`resp.text()`); JSON endpoints give valid JSON. */
  body: string;
  /** The final URL, normalized; for an alias host such as `python.org`, the URL after its redirect. */
  url: string;
}

/** Why a request failed before any response: the connection never happened. */
export type WebErrorKind =
  /** The host name does not resolve (aiohttp: `ClientConnectorDNSError`). */
  | "DNSError"
  /** The host refused the connection (aiohttp: `ClientConnectorError`). */
  | "ConnectionError"
  /** Not an absolute http(s) URL (aiohttp: `InvalidURL`, requests: `MissingSchema`/`InvalidURL`). */
  | "InvalidURL";

/** How a request ends, decided when it starts. The client does the waiting. */
export type WebOutcome =
  /** The host answers after `latency` virtual seconds. */
  | { kind: "response"; latency: number; response: WebResponse }
  /** The host accepts the connection and never answers: only a timeout ends the wait. */
  | { kind: "never" }
  /** The request fails after `latency` virtual seconds with a connection-level error. */
  | {
      kind: "error";
      latency: number;
      error: WebErrorKind;
      /** aiohttp's wording, e.g. `Cannot connect to host nosuch.example:443 ssl:default [Name or service not known]`. */
      message: string;
      /** Host and port tried (absent for `InvalidURL`), for clients that word the error their own way. */
      host?: string;
      port?: number;
      /** The operating-system part of the message, e.g. `Name or service not known`. */
      strerror?: string;
    };

/** One documented endpoint of a host, for the docs and the cheat sheet. */
export interface EndpointInfo {
  /** Path pattern, e.g. `/delay/{n}`. */
  path: string;
  /** What it does, in words. */
  behaviour: string;
  /** How long it takes, in words, e.g. `exactly n s (at most 10)`. */
  latency: string;
}

/** A host of the simulated web, as `SimulatedWeb.hosts()` lists it. */
export interface HostInfo {
  /** Its name, e.g. `httpbin.org`. */
  host: string;
  /** Other names answering the same way, e.g. `python.org` for `www.python.org`. */
  aliases: string[];
  /** What the host is for, in words. */
  description: string;
  /** Its documented endpoints. */
  endpoints: EndpointInfo[];
}

/** A request as a host sees it: parsed, with its own seeded random stream. */
export interface RouteContext {
  /** "GET", "POST"... */
  method: string;
  /** The URL, parsed. */
  url: ParsedUrl;
  /** Request headers. */
  headers: Record<string, string>;
  /** Request body ("" for none). */
  body: string;
  /** Requests to this host in flight, this one included. */
  inFlight: number;
  /** The host's own seeded random stream (jitter). */
  random: Random;
}

/** A host: its documentation and how it answers. */
export interface HostDef {
  /** Its documentation. */
  info: HostInfo;
  /** How it answers a request (decided at once; the client waits the latency). */
  handle(ctx: RouteContext): WebOutcome;
}

/** `Content-Type` of HTML pages. */
export const HTML = "text/html; charset=utf-8";
/** `Content-Type` of JSON bodies (httpbin sends no charset). */
export const JSON_TYPE = "application/json";

/**
 * A response outcome. A `HEAD` request gets the headers of the `GET` answer
 * and an empty body.
 */
export function respond(
  ctx: RouteContext,
  latency: number,
  status: number,
  body: string,
  contentType: string,
  extraHeaders: Record<string, string> = {},
): WebOutcome {
  const headers = {
    "Content-Type": contentType,
    "Content-Length": String(utf8Length(body)),
    ...extraHeaders,
  };
  const sent = ctx.method === "HEAD" ? "" : body;
  const response = { status, reason: reasonPhrase(status), headers, body: sent, url: ctx.url.href };
  return { kind: "response", latency, response };
}

/** JSON as httpbin writes it: two-space indent and a final newline. */
export function jsonBody(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The byte length of a string in UTF-8, which `Content-Length` counts. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** `user-agent` → `User-Agent`, as httpbin echoes header names. */
export function titleCaseHeader(name: string): string {
  return name.toLowerCase().replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());
}

// Python 3.14's http.HTTPStatus phrases (3.13 renamed 413 and 422).
const REASONS: Record<number, string> = {
  100: "Continue", 101: "Switching Protocols", 102: "Processing", 103: "Early Hints",
  200: "OK", 201: "Created", 202: "Accepted", 203: "Non-Authoritative Information",
  204: "No Content", 205: "Reset Content", 206: "Partial Content", 207: "Multi-Status",
  208: "Already Reported", 226: "IM Used",
  300: "Multiple Choices", 301: "Moved Permanently", 302: "Found", 303: "See Other",
  304: "Not Modified", 305: "Use Proxy", 307: "Temporary Redirect", 308: "Permanent Redirect",
  400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden",
  404: "Not Found", 405: "Method Not Allowed", 406: "Not Acceptable",
  407: "Proxy Authentication Required", 408: "Request Timeout", 409: "Conflict", 410: "Gone",
  411: "Length Required", 412: "Precondition Failed", 413: "Content Too Large",
  414: "URI Too Long", 415: "Unsupported Media Type", 416: "Range Not Satisfiable",
  417: "Expectation Failed", 418: "I'm a Teapot", 421: "Misdirected Request",
  422: "Unprocessable Content", 423: "Locked", 424: "Failed Dependency", 425: "Too Early",
  426: "Upgrade Required", 428: "Precondition Required", 429: "Too Many Requests",
  431: "Request Header Fields Too Large", 451: "Unavailable For Legal Reasons",
  500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway",
  503: "Service Unavailable", 504: "Gateway Timeout", 505: "HTTP Version Not Supported",
  506: "Variant Also Negotiates", 507: "Insufficient Storage", 508: "Loop Detected",
  510: "Not Extended", 511: "Network Authentication Required",
};

/**
 * Python's reason phrase for a status code, `""` for codes it does not name.
 *
 * @example reasonPhrase(429) === "Too Many Requests"
 */
export function reasonPhrase(status: number): string {
  return REASONS[status] ?? "";
}

/**
 * A connection-level failure, worded as aiohttp words it.
 *
 * @example connectError("DNSError", "nosuch.example", 443, "Name or service not known", 0.1).message
 * // "Cannot connect to host nosuch.example:443 ssl:default [Name or service not known]"
 */
export function connectError(
  error: "DNSError" | "ConnectionError",
  host: string,
  port: number,
  strerror: string,
  latency: number,
): WebOutcome {
  const message = `Cannot connect to host ${host}:${port} ssl:default [${strerror}]`;
  return { kind: "error", latency, error, message, host, port, strerror };
}
