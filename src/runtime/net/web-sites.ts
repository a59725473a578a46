/**
 * Every host of the simulated web except httpbin: the three pages the scraper
 * lesson fetches, `example.com`, and the hosts that misbehave on purpose
 * (rate-limited, slow, silent, refusing). Latencies here are exact, with no
 * jitter, because lessons print and compare them; only `example.com`, which
 * no lesson times, jitters like a real site.
 */
import {
  HTML, JSON_TYPE, connectError, jsonBody, respond,
  type HostDef, type RouteContext, type WebOutcome,
} from "./web-http.ts";
import { jittered } from "./web-random.ts";
import * as pages from "./web-pages.ts";

/** `api.ratelimited.example` answers 429 when more than this many requests to it are in flight. */
export const RATE_LIMIT = 3;

/**
 * A site that serves fixed documents after a fixed latency; other paths 404
 * after the same latency. Answers as if the redirect every real site makes to
 * `https://<canonical host>` had been followed, so `python.org` gives the
 * `www.python.org` page with `https://www.python.org/` as its URL.
 */
function site(
  host: string, aliases: string[], name: string, latency: number,
  documents: Record<string, { html: string; title: string }>, description: string,
): HostDef {
  return {
    info: {
      host,
      aliases,
      description,
      endpoints: [
        ...Object.entries(documents).map(([path, { title }]) => ({
          path,
          behaviour: `200, HTML page titled "${title}"`,
          latency: `${latency} s`,
        })),
        { path: "any other path", behaviour: "404 Not Found, HTML page", latency: `${latency} s` },
      ],
    },
    handle(ctx) {
      const query = ctx.url.query === "" ? "" : `?${ctx.url.query}`;
      const url = { ...ctx.url, scheme: "https" as const, host, port: 443, href: `https://${host}${ctx.url.path}${query}` };
      const here = { ...ctx, url };
      const page = documents[ctx.url.path];
      if (page !== undefined) return respond(here, latency, 200, page.html, HTML);
      return respond(here, latency, 404, pages.notFoundPage(name, ctx.url.path), HTML);
    },
  };
}

const pythonOrg = site(
  "www.python.org", ["python.org"], "Python.org", 0.8, { "/": { html: pages.PYTHON_HOME, title: pages.PAGE_TITLES.python } },
  "The Python home page (scraper lesson).",
);

const pythonDocs = site(
  "docs.python.org", [], "Python documentation", 1.2, { "/3/library/asyncio.html": { html: pages.ASYNCIO_DOCS, title: pages.PAGE_TITLES.asyncioDocs } },
  "The asyncio page of the Python docs (scraper lesson).",
);

const pypi = site(
  "pypi.org", ["www.pypi.org"], "PyPI", 0.5, { "/": { html: pages.PYPI_HOME, title: pages.PAGE_TITLES.pypi } },
  "The Python Package Index home page (scraper lesson).",
);

const exampleCom: HostDef = {
  info: {
    host: "example.com",
    aliases: ["www.example.com"],
    description: "The reserved example domain: the same small page at every path.",
    endpoints: [{ path: "any path", behaviour: "200, HTML page titled \"Example Domain\"", latency: "0.2 s + jitter" }],
  },
  handle: (ctx) => respond(ctx, jittered(0.2, 0.05, ctx.random), 200, pages.EXAMPLE_DOMAIN, HTML),
};

function rateLimited(ctx: RouteContext): WebOutcome {
  if (ctx.inFlight > RATE_LIMIT) {
    const detail = `Too Many Requests: at most ${RATE_LIMIT} requests at a time`;
    return respond(ctx, 0.1, 429, jsonBody({ detail }), JSON_TYPE, { "Retry-After": "1" });
  }
  const item = /^\/items\/([^/]+)$/.exec(ctx.url.path);
  if (!item) return respond(ctx, 1, 404, jsonBody({ detail: "Not Found" }), JSON_TYPE);
  const id = /^\d+$/.test(item[1]) ? Number(item[1]) : item[1];
  return respond(ctx, 1, 200, jsonBody({ id, name: `item ${item[1]}` }), JSON_TYPE);
}

const ratelimited: HostDef = {
  info: {
    host: "api.ratelimited.example",
    aliases: [],
    description: `A JSON API that refuses more than ${RATE_LIMIT} requests in flight at once (semaphore lesson).`,
    endpoints: [
      { path: "/items/{id}", behaviour: "200, {\"id\": id, \"name\": \"item id\"}", latency: "exactly 1 s" },
      { path: `any path, when more than ${RATE_LIMIT} requests are in flight`, behaviour: "429 Too Many Requests, JSON, Retry-After: 1", latency: "exactly 0.1 s" },
      { path: "any other path", behaviour: "404, JSON", latency: "exactly 1 s" },
    ],
  },
  handle: rateLimited,
};

const slow: HostDef = {
  info: {
    host: "slow.example",
    aliases: [],
    description: "A server that takes five seconds for everything (timeout lesson).",
    endpoints: [{ path: "any path", behaviour: "200, HTML page titled \"Slow Example\"", latency: "exactly 5 s" }],
  },
  handle: (ctx) => respond(ctx, 5, 200, pages.SLOW_PAGE, HTML),
};

const blackhole: HostDef = {
  info: {
    host: "blackhole.example",
    aliases: [],
    description: "Accepts the connection and never answers: only a timeout ends the wait.",
    endpoints: [{ path: "any path", behaviour: "no answer, ever", latency: "forever" }],
  },
  handle: () => ({ kind: "never" }),
};

const refused: HostDef = {
  info: {
    host: "refused.example",
    aliases: [],
    description: "Nothing listens there: every connection is refused (error-handling lesson).",
    endpoints: [{ path: "any path", behaviour: "ConnectionError: Cannot connect to host ... [Connect call failed ...]", latency: "exactly 0.1 s" }],
  },
  handle: (ctx) =>
    connectError("ConnectionError", ctx.url.host, ctx.url.port, `Connect call failed ('192.0.2.1', ${ctx.url.port})`, 0.1),
};

/** The hosts defined in this file, in the order the docs list them. */
export const SITES: HostDef[] = [pythonOrg, pythonDocs, pypi, exampleCom, ratelimited, slow, blackhole, refused];
