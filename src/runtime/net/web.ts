/**
 * The simulated web: which answer each HTTP request gets and how many virtual
 * seconds it takes. Pure data and arithmetic: no event loop, no timers and
 * never the real network. The `aiohttp` and `requests` clients ask
 * `SimulatedWeb.request` when a request starts and do the waiting themselves
 * (on the loop for aiohttp, by blocking it for requests).
 *
 * | host                      | path                      | answer                                   | latency            |
 * |---------------------------|---------------------------|------------------------------------------|--------------------|
 * | `httpbin.org`             | `/delay/{n}`              | 200, JSON echo (n fractional, cap 10)    | exactly n s        |
 * |                           | `/status/{code}`          | that status, empty body                  | 0.1 s + jitter     |
 * |                           | `/get` `/post` `/put` ... | JSON echo of the request                 | 0.1 s + jitter     |
 * |                           | `/html` `/json` `/uuid` `/anything` `/headers` `/ip` `/user-agent` | as httpbin | 0.1 s + jitter |
 * |                           | anything else             | 404 (405: known path, wrong method)      | 0.1 s + jitter     |
 * | `www.python.org` (+ `python.org`) | `/`               | 200, "Welcome to Python.org"             | 0.8 s              |
 * | `docs.python.org`         | `/3/library/asyncio.html` | 200, "asyncio — Asynchronous I/O — ..."  | 1.2 s              |
 * | `pypi.org` (+ `www.pypi.org`) | `/`                   | 200, "PyPI · The Python Package Index"   | 0.5 s              |
 * | (the three above)         | any other path            | 404, HTML                                | the host's latency |
 * | `example.com` (+ `www.`)  | any path                  | 200, "Example Domain"                    | 0.2 s + jitter     |
 * | `api.ratelimited.example` | `/items/{id}`             | 200 JSON; 429 if > 3 requests in flight  | 1 s (429: 0.1 s)   |
 * | `slow.example`            | any path                  | 200, "Slow Example"                      | exactly 5 s        |
 * | `blackhole.example`       | any path                  | never answers                            | forever            |
 * | `refused.example`         | any path                  | ConnectionError (connection refused)     | 0.1 s              |
 * | any other host            |                           | DNSError (Name or service not known)     | 0.1 s              |
 *
 * Jitter is at most 0.05 s, rounded to milliseconds, and seeded: the same seed
 * gives the same latencies run after run (see `web-random.ts` for why each
 * request draws from its own generator). Lessons that print times use the
 * exact endpoints.
 */
import {
  connectError,
  type HostDef, type HostInfo, type RouteContext, type WebOutcome, type WebRequest,
} from "./web-http.ts";
import { httpbin } from "./web-httpbin.ts";
import { hashString, mulberry32 } from "./web-random.ts";
import { SITES } from "./web-sites.ts";
import { parseUrl } from "./web-url.ts";

export type {
  EndpointInfo, HostInfo, WebErrorKind, WebOutcome, WebRequest, WebResponse,
} from "./web-http.ts";
export { reasonPhrase } from "./web-http.ts";
export { MAX_DELAY } from "./web-httpbin.ts";
export { PAGE_TITLES } from "./web-pages.ts";
export { RATE_LIMIT } from "./web-sites.ts";
export { hostOf, parseUrl, type ParsedUrl } from "./web-url.ts";

/** The seed a run uses unless told otherwise. */
export const DEFAULT_SEED = 20240601;

/** How long a failed name lookup or a refused connection takes. */
export const CONNECT_ERROR_LATENCY = 0.1;

const ALL_HOSTS: HostDef[] = [httpbin, ...SITES];

const BY_NAME = new Map<string, HostDef>(
  ALL_HOSTS.flatMap((def) => [def.info.host, ...def.info.aliases].map((name) => [name, def] as const)),
);

/**
 * The simulated web one run talks to. Create one per run, so the jitter
 * sequence starts afresh and runs repeat.
 *
 * Python counterpart: none; this is the internet that `aiohttp` and
 * `requests` reach in the snippets.
 *
 * @example
 * const web = new SimulatedWeb(7);
 * const outcome = web.request({ method: "GET", url: "https://httpbin.org/delay/1" }, 1);
 * // { kind: "response", latency: 1, response: { status: 200, reason: "OK", ... } }
 */
export class SimulatedWeb {
  /** The seed of the jitter and of `/uuid`. */
  readonly seed: number;
  /** How often each request key was seen: the n-th identical request draws its own jitter. */
  readonly #seen = new Map<string, number>();

  /** @param seed integer; the same seed gives the same latencies. Default: `DEFAULT_SEED`. */
  constructor(seed: number = DEFAULT_SEED) {
    if (!Number.isFinite(seed)) throw new RangeError(`SimulatedWeb seed must be a finite number, got ${seed}`);
    this.seed = Math.trunc(seed) >>> 0;
  }

  /**
   * Decide how `req` ends. Call it once, when the request starts; the outcome
   * says how long to wait and what to deliver.
   *
   * @param inFlight requests to this host (`hostOf(req.url)`) that have started
   *   and not yet finished, this one included; a request counts until its
   *   outcome is delivered or it is cancelled. Only `api.ratelimited.example`
   *   looks at it. Default: 1.
   * @throws RangeError if `inFlight` is not a whole number of at least 1 (a
   *   client bug, not a learner's).
   */
  request(req: WebRequest, inFlight = 1): WebOutcome {
    if (!Number.isInteger(inFlight) || inFlight < 1) {
      throw new RangeError(`inFlight counts this request too, so it must be a whole number >= 1, got ${inFlight}`);
    }
    const url = parseUrl(req.url);
    if (url === null) {
      return { kind: "error", latency: 0, error: "InvalidURL", message: String(req.url) };
    }
    const host = BY_NAME.get(url.host);
    if (host === undefined) {
      return connectError("DNSError", url.host, url.port, "Name or service not known", CONNECT_ERROR_LATENCY);
    }
    const method = req.method.toUpperCase();
    const key = `${method} ${url.href}`;
    const nth = this.#seen.get(key) ?? 0;
    this.#seen.set(key, nth + 1);
    const ctx: RouteContext = {
      method,
      url,
      headers: { ...req.headers },
      body: req.body ?? "",
      inFlight,
      random: mulberry32(hashString(`${key}#${nth}`, this.seed)),
    };
    return host.handle(ctx);
  }

  /**
   * Every host with its endpoints, for the docs and the cheat sheet.
   *
   * @example new SimulatedWeb().hosts().map((h) => h.host) // ["httpbin.org", "www.python.org", ...]
   */
  hosts(): HostInfo[] {
    return ALL_HOSTS.map((def) => copyInfo(def.info));
  }
}

function copyInfo(info: HostInfo): HostInfo {
  return { ...info, aliases: [...info.aliases], endpoints: info.endpoints.map((e) => ({ ...e })) };
}
