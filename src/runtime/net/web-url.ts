/**
 * URL parsing for the simulated web, written out here rather than taken from
 * the WHATWG `URL` global: the runtime is plain ES2023 and must not depend on
 * what a browser or Node happens to provide. Only what the web needs is
 * handled: `http`/`https`, host, optional port, path and query.
 */

/** The parts of a URL the simulated web routes on. */
export interface ParsedUrl {
  /** Only http and https are routed. */
  scheme: "http" | "https";
  /** Lower-cased host name without port, e.g. `httpbin.org`. */
  host: string;
  /** The port, explicit or the scheme's default (80 / 443). */
  port: number;
  /** The path, always starting with `/`, still percent-encoded. */
  path: string;
  /** The query string without `?`, possibly empty. */
  query: string;
  /** The normalized URL (no fragment, no default port), as a response reports it. */
  href: string;
}

const URL_PATTERN = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#.*)?$/;

/**
 * Parse an absolute `http:` or `https:` URL; anything else gives `null`
 * (aiohttp raises `InvalidURL` for those, requests `MissingSchema`).
 *
 * @example parseUrl("https://HTTPBin.org/get?a=1#top")?.href === "https://httpbin.org/get?a=1"
 * @example parseUrl("httpbin.org/get") === null // no scheme
 */
export function parseUrl(raw: string): ParsedUrl | null {
  const match = URL_PATTERN.exec(raw.trim());
  if (!match) return null;
  const scheme = match[1].toLowerCase();
  if (scheme !== "http" && scheme !== "https") return null;
  const authority = match[2].slice(match[2].lastIndexOf("@") + 1);
  const hostPort = /^([^:]*)(?::(\d*))?$/.exec(authority);
  if (!hostPort) return null;
  const host = hostPort[1].toLowerCase().replace(/\.$/, "");
  if (host === "" || /[\s<>"]/.test(host)) return null;
  const defaultPort = scheme === "https" ? 443 : 80;
  const port = hostPort[2] ? Number(hostPort[2]) : defaultPort;
  if (port < 1 || port > 65535) return null;
  const path = match[3] === "" ? "/" : match[3];
  const query = match[4] ?? "";
  const portText = port === defaultPort ? "" : `:${port}`;
  const href = `${scheme}://${host}${portText}${path}${query === "" ? "" : `?${query}`}`;
  return { scheme, host, port, path, query, href };
}

/**
 * The host a request goes to, as the clients count "requests in flight to
 * this host"; `null` for a URL the web would reject.
 *
 * @example hostOf("https://api.ratelimited.example/items/1") === "api.ratelimited.example"
 */
export function hostOf(url: string): string | null {
  return parseUrl(url)?.host ?? null;
}

/** Percent-decoding that never throws: a malformed escape stays as written. */
export function decodeComponent(text: string): string {
  const spaced = text.replace(/\+/g, " ");
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/**
 * A query or form body as httpbin shows it: one value per name, or a list when
 * the name repeats.
 *
 * @example parseQuery("a=1&b=x+y&a=2") // { a: ["1", "2"], b: "x y" }
 */
export function parseQuery(query: string): Record<string, string | string[]> {
  // No prototype, so a query naming `__proto__` is just another name.
  const result: Record<string, string | string[]> = Object.create(null);
  for (const pair of query.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const name = decodeComponent(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? "" : decodeComponent(pair.slice(eq + 1));
    const previous = result[name];
    if (previous === undefined) result[name] = value;
    else if (Array.isArray(previous)) previous.push(value);
    else result[name] = [previous, value];
  }
  return result;
}
