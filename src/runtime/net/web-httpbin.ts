/**
 * `httpbin.org`, simulated: the request-echo service the lessons use for
 * "a request that takes exactly N seconds" (`/delay/N`) and "a request that
 * fails with status N" (`/status/N`). Bodies follow the real httpbin's shapes
 * (sorted keys, two-space JSON) so snippets written against one work against
 * the other.
 *
 * Latency: `/delay/N` takes exactly N s, so lessons can say "about 1 s" and
 * mean 1.000; every other endpoint takes 0.1 s plus up to 0.05 s of seeded
 * jitter (a real round trip is never quite the same twice).
 */
import {
  HTML, JSON_TYPE, jsonBody, respond, titleCaseHeader,
  type HostDef, type RouteContext, type WebOutcome,
} from "./web-http.ts";
import { jittered } from "./web-random.ts";
import { parseQuery } from "./web-url.ts";

/** httpbin caps `/delay/N` at 10 s. */
export const MAX_DELAY = 10;

/** The caller's address as httpbin reports it (a documentation-only address). */
const ORIGIN = "203.0.113.7";

const fast = (ctx: RouteContext) => jittered(0.1, 0.05, ctx.random);

function headersOf(ctx: RouteContext): Record<string, string> {
  const all: Record<string, string> = { Host: ctx.url.host };
  for (const [name, value] of Object.entries(ctx.headers)) all[titleCaseHeader(name)] = value;
  return Object.fromEntries(Object.entries(all).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** What httpbin echoes back: the request, as the server saw it. */
function echo(ctx: RouteContext, withBody: boolean, extra: { json?: boolean; method?: boolean } = {}): Record<string, unknown> {
  const base: Record<string, unknown> = { args: parseQuery(ctx.url.query) };
  if (withBody) {
    const contentType = Object.entries(ctx.headers)
      .find(([name]) => name.toLowerCase() === "content-type")?.[1] ?? "";
    const isForm = contentType.includes("application/x-www-form-urlencoded");
    base.data = isForm ? "" : ctx.body;
    base.files = {};
    base.form = isForm ? parseQuery(ctx.body) : {};
  }
  base.headers = headersOf(ctx);
  if (withBody && extra.json !== false) base.json = parseJson(ctx.body);
  if (extra.method) base.method = ctx.method;
  base.origin = ORIGIN;
  base.url = ctx.url.href;
  return base;
}

function errorPage(ctx: RouteContext, status: number, title: string, text: string): WebOutcome {
  const page = `<!doctype html>\n<html lang=en>\n<title>${status} ${title}</title>\n<h1>${title}</h1>\n<p>${text}</p>\n`;
  return respond(ctx, fast(ctx), status, page, HTML);
}

const notFound = (ctx: RouteContext) =>
  errorPage(ctx, 404, "Not Found", "The requested URL was not found on the server.");

function uuid4(ctx: RouteContext): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(ctx.random() * 16).toString(16));
  hex[12] = "4";
  hex[16] = "89ab"[Math.floor(ctx.random() * 4)];
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const MOBY_DICK = `<!DOCTYPE html>
<html>
  <head>
  </head>
  <body>
      <h1>Herman Melville - Moby-Dick</h1>
      <div>
        <p>
          Call me Ishmael. Some years ago&mdash;never mind how long precisely&mdash;having little or no money in my purse, and nothing particular to interest me on shore, I thought I would sail about a little and see the watery part of the world.
        </p>
      </div>
  </body>
</html>
`;

const SLIDESHOW = {
  slideshow: {
    author: "Yours Truly",
    date: "date of publication",
    slides: [
      { title: "Wake up to WonderWidgets!", type: "all" },
      { items: ["Why <em>WonderWidgets</em> are great", "Who <em>buys</em> WonderWidgets"], title: "Overview", type: "all" },
    ],
    title: "Sample Slide Show",
  },
};

const BODY_METHODS = ["POST", "PUT", "PATCH", "DELETE"];
const BODY_PATHS = BODY_METHODS.map((m) => `/${m.toLowerCase()}`);

/** Answers `path`, or returns undefined when the method does not fit the path. */
function route(ctx: RouteContext, path: string): WebOutcome | undefined {
  const get = ctx.method === "GET" || ctx.method === "HEAD";
  const json = (value: unknown) => respond(ctx, fast(ctx), 200, jsonBody(value), JSON_TYPE);
  const delay = /^\/delay\/([^/]+)$/.exec(path);
  if (delay) {
    if (!get && !BODY_METHODS.includes(ctx.method)) return undefined;
    if (!/^(\d+\.?\d*|\.\d+)$/.test(delay[1])) {
      return errorPage(ctx, 400, "Bad Request", "The delay must be a number of seconds, e.g. /delay/1 or /delay/0.5.");
    }
    const seconds = Math.min(Number(delay[1]), MAX_DELAY);
    return respond(ctx, seconds, 200, jsonBody(echo(ctx, true, { json: false })), JSON_TYPE);
  }
  const status = /^\/status\/([^/]+)$/.exec(path);
  if (status) {
    const code = /^\d{3}$/.test(status[1]) ? Number(status[1]) : NaN;
    if (!(code >= 100 && code <= 599)) return errorPage(ctx, 400, "Bad Request", "Invalid status code");
    return respond(ctx, fast(ctx), code, "", HTML);
  }
  if (path === "/anything" || path.startsWith("/anything/")) return json(echo(ctx, true, { method: true }));
  if (BODY_PATHS.includes(path)) return path === `/${ctx.method.toLowerCase()}` ? json(echo(ctx, true)) : undefined;
  const answer = GET_ROUTES[path];
  if (answer === undefined) return notFound(ctx);
  if (!get) return undefined;
  return path === "/html" ? respond(ctx, fast(ctx), 200, MOBY_DICK, HTML) : json(answer(ctx));
}

/** The read-only endpoints and the JSON they answer (`/html` is the one HTML page). */
const GET_ROUTES: Record<string, (ctx: RouteContext) => unknown> = {
  "/get": (ctx) => echo(ctx, false),
  "/headers": (ctx) => ({ headers: headersOf(ctx) }),
  "/ip": () => ({ origin: ORIGIN }),
  "/user-agent": (ctx) => ({ "user-agent": headersOf(ctx)["User-Agent"] ?? null }),
  "/uuid": (ctx) => ({ uuid: uuid4(ctx) }),
  "/json": () => SLIDESHOW,
  "/html": () => null,
};

/** The httpbin host definition. */
export const httpbin: HostDef = {
  info: {
    host: "httpbin.org",
    aliases: ["www.httpbin.org"],
    description: "A request-echo service like the real httpbin.org: delays, status codes, echoes.",
    endpoints: [
      { path: "/delay/{n}", behaviour: "200, JSON echo of the request; n may be fractional, capped at 10", latency: "exactly n s" },
      { path: "/status/{code}", behaviour: "answers with that status and an empty body", latency: "0.1 s + jitter" },
      { path: "/get", behaviour: "JSON echo: args, headers, origin, url", latency: "0.1 s + jitter" },
      { path: "/post, /put, /patch, /delete", behaviour: "JSON echo including data, form and json of the body", latency: "0.1 s + jitter" },
      { path: "/anything", behaviour: "JSON echo for any method, with the method", latency: "0.1 s + jitter" },
      { path: "/html", behaviour: "a small HTML page (h1: Herman Melville - Moby-Dick)", latency: "0.1 s + jitter" },
      { path: "/json", behaviour: "a sample JSON document (a slideshow)", latency: "0.1 s + jitter" },
      { path: "/uuid", behaviour: "{\"uuid\": ...}, seeded so runs repeat", latency: "0.1 s + jitter" },
      { path: "/headers, /ip, /user-agent", behaviour: "parts of the echo alone", latency: "0.1 s + jitter" },
      { path: "anything else", behaviour: "404 Not Found (405 for a known path with the wrong method)", latency: "0.1 s + jitter" },
    ],
  },
  handle(ctx) {
    return route(ctx, ctx.url.path) ??
      errorPage(ctx, 405, "Method Not Allowed", "The method is not allowed for the requested URL.");
  },
};
