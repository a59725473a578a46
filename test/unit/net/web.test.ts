import { describe, expect, test } from "vitest";
import {
  DEFAULT_SEED, PAGE_TITLES, RATE_LIMIT, SimulatedWeb, hostOf,
  type WebOutcome, type WebRequest, type WebResponse,
} from "../../../src/runtime/testing.ts";

const get = (url: string, headers?: Record<string, string>): WebRequest => ({ method: "GET", url, headers });

/** The response of an outcome that must be one, with its latency. */
function answered(outcome: WebOutcome): WebResponse & { latency: number } {
  if (outcome.kind !== "response") throw new Error(`expected a response, got ${JSON.stringify(outcome)}`);
  return { ...outcome.response, latency: outcome.latency };
}

const fetch = (url: string, web = new SimulatedWeb()) => answered(web.request(get(url), 1));

describe("httpbin.org", () => {
  test("/delay/1 answers 200 after exactly one second with httpbin's JSON echo", () => {
    const r = fetch("https://httpbin.org/delay/1");
    expect(r.latency).toBe(1);
    expect(r.status).toBe(200);
    expect(r.headers["Content-Type"]).toBe("application/json");
    expect(JSON.parse(r.body)).toMatchObject({ args: {}, data: "", url: "https://httpbin.org/delay/1" });
  });

  test("/delay/N takes exactly N seconds for every seed, fractions included, capped at 10 like httpbin", () => {
    for (const seed of [1, 2, 99]) {
      const web = new SimulatedWeb(seed);
      expect(answered(web.request(get("https://httpbin.org/delay/0.5"))).latency).toBe(0.5);
      expect(answered(web.request(get("https://httpbin.org/delay/3"))).latency).toBe(3);
      expect(answered(web.request(get("https://httpbin.org/delay/60"))).latency).toBe(10);
    }
  });

  test("/delay with something that is not a number is a 400", () => {
    expect(fetch("https://httpbin.org/delay/soon").status).toBe(400);
  });

  test("/status/CODE answers that status with an empty body and Python's reason phrase", () => {
    const r = fetch("https://httpbin.org/status/404");
    expect([r.status, r.reason, r.body]).toEqual([404, "Not Found", ""]);
    expect(fetch("https://httpbin.org/status/503").reason).toBe("Service Unavailable");
    expect(fetch("https://httpbin.org/status/418").reason).toBe("I'm a Teapot");
    expect(fetch("https://httpbin.org/status/299").reason).toBe("");
  });

  test("/status with an invalid code is a 400", () => {
    expect(fetch("https://httpbin.org/status/abc").status).toBe(400);
    expect(fetch("https://httpbin.org/status/99").status).toBe(400);
  });

  test("/get echoes args (repeated names as lists), headers with Host, origin and url", () => {
    const web = new SimulatedWeb();
    const r = answered(web.request(get("https://httpbin.org/get?q=async+io&n=1&n=2", { "user-agent": "aiohttp" })));
    expect(JSON.parse(r.body)).toEqual({
      args: { q: "async io", n: ["1", "2"] },
      headers: { Host: "httpbin.org", "User-Agent": "aiohttp" },
      origin: "203.0.113.7",
      url: "https://httpbin.org/get?q=async+io&n=1&n=2",
    });
  });

  test("/post echoes the body as data and, when it is JSON, as json", () => {
    const web = new SimulatedWeb();
    const body = JSON.stringify({ answer: 42 });
    const r = answered(web.request({ method: "POST", url: "https://httpbin.org/post", body, headers: { "Content-Type": "application/json" } }));
    expect(JSON.parse(r.body)).toMatchObject({ data: body, json: { answer: 42 }, form: {} });
    const form = answered(web.request({
      method: "post", url: "https://httpbin.org/post", body: "a=1&b=two", headers: { "content-type": "application/x-www-form-urlencoded" },
    }));
    expect(JSON.parse(form.body)).toMatchObject({ data: "", form: { a: "1", b: "two" }, json: null });
  });

  test("/html, /json and /uuid answer with the right content type and valid bodies", () => {
    expect(fetch("https://httpbin.org/html").headers["Content-Type"]).toBe("text/html; charset=utf-8");
    expect(fetch("https://httpbin.org/html").body).toContain("<h1>Herman Melville - Moby-Dick</h1>");
    expect(JSON.parse(fetch("https://httpbin.org/json").body).slideshow.title).toBe("Sample Slide Show");
    expect(JSON.parse(fetch("https://httpbin.org/uuid").body).uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  test("unknown paths are 404, and a known path with the wrong method is 405", () => {
    expect(fetch("https://httpbin.org/nothing-here").status).toBe(404);
    expect(answered(new SimulatedWeb().request({ method: "POST", url: "https://httpbin.org/get" })).status).toBe(405);
    expect(answered(new SimulatedWeb().request({ method: "GET", url: "https://httpbin.org/post" })).status).toBe(405);
  });

  test("HEAD gets the GET answer's headers and no body", () => {
    const r = answered(new SimulatedWeb().request({ method: "HEAD", url: "https://httpbin.org/html" }));
    expect(r.body).toBe("");
    expect(Number(r.headers["Content-Length"])).toBeGreaterThan(100);
  });

  test("Content-Length counts UTF-8 bytes", () => {
    const r = fetch("https://pypi.org/");
    expect(r.headers["Content-Length"]).toBe(String(new TextEncoder().encode(r.body).length));
  });
});

describe("latency jitter", () => {
  const jitteredUrls = ["https://httpbin.org/get", "https://httpbin.org/uuid", "https://httpbin.org/status/500", "https://example.com/"];
  const latencies = (seed: number) => {
    const web = new SimulatedWeb(seed);
    return jitteredUrls.map((url) => answered(web.request(get(url))).latency);
  };

  test("jittered endpoints take their base time plus at most 0.05 s, in whole milliseconds", () => {
    for (let seed = 0; seed < 50; seed++) {
      const [g, u, s, e] = latencies(seed);
      for (const t of [g, u, s]) expect(t >= 0.1 && t <= 0.15).toBe(true);
      expect(e >= 0.2 && e <= 0.25).toBe(true);
      for (const t of [g, u, s, e]) expect(Math.round(t * 1000) / 1000).toBe(t);
    }
  });

  test("the same seed gives the same latencies and the same uuids", () => {
    expect(latencies(7)).toEqual(latencies(7));
    expect(fetch("https://httpbin.org/uuid", new SimulatedWeb(7)).body).toBe(fetch("https://httpbin.org/uuid", new SimulatedWeb(7)).body);
    expect(new SimulatedWeb().seed).toBe(DEFAULT_SEED);
  });

  test("a different seed gives different jitter", () => {
    expect(latencies(7)).not.toEqual(latencies(8));
    expect(fetch("https://httpbin.org/uuid", new SimulatedWeb(7)).body).not.toBe(fetch("https://httpbin.org/uuid", new SimulatedWeb(8)).body);
  });

  test("repeating a request draws fresh jitter, and an unrelated request in between shifts nothing", () => {
    const plain = new SimulatedWeb(3);
    const first = answered(plain.request(get("https://httpbin.org/get"))).latency;
    const second = answered(plain.request(get("https://httpbin.org/get"))).latency;
    const busy = new SimulatedWeb(3);
    busy.request(get("https://httpbin.org/ip"));
    expect(answered(busy.request(get("https://httpbin.org/get"))).latency).toBe(first);
    busy.request(get("https://example.com/"));
    expect(answered(busy.request(get("https://httpbin.org/get"))).latency).toBe(second);
    const many = Array.from({ length: 20 }, () => answered(plain.request(get("https://httpbin.org/get"))).latency);
    expect(new Set(many).size).toBeGreaterThan(1);
  });
});

describe("the scraper lesson's pages", () => {
  test("python.org, the asyncio docs and PyPI answer 200 after 0.8, 1.2 and 0.5 s", () => {
    const web = new SimulatedWeb();
    const urls = ["https://www.python.org/", "https://docs.python.org/3/library/asyncio.html", "https://pypi.org/"];
    const rs = urls.map((url) => answered(web.request(get(url))));
    expect(rs.map((r) => [r.status, r.latency])).toEqual([[200, 0.8], [200, 1.2], [200, 0.5]]);
    expect(rs.map((r) => r.headers["Content-Type"])).toEqual(Array(3).fill("text/html; charset=utf-8"));
    expect(rs[0].body).toContain("<title>Welcome to Python.org</title>");
    expect(rs[2].body).toContain(`<title>${PAGE_TITLES.pypi}</title>`);
  });

  test("https://python.org, as the article writes it, answers as www.python.org does after the real redirect", () => {
    const r = fetch("https://python.org");
    expect([r.status, r.latency, r.url]).toEqual([200, 0.8, "https://www.python.org/"]);
    expect(fetch("http://pypi.org").url).toBe("https://pypi.org/");
  });

  test("any other path on those hosts is a 404 page, at the host's latency", () => {
    const r = fetch("https://www.python.org/no-such-page/");
    expect([r.status, r.reason, r.latency]).toEqual([404, "Not Found", 0.8]);
    expect(r.body).toContain("<title>404 Not Found");
    expect(fetch("https://docs.python.org/3/library/asyncoi.html").status).toBe(404);
  });

  test("example.com serves the Example Domain page at every path", () => {
    expect(fetch("https://example.com/page1").body).toContain("<title>Example Domain</title>");
    expect(fetch("https://www.example.com/").status).toBe(200);
  });
});

describe("api.ratelimited.example", () => {
  const item = (i: number) => get(`https://api.ratelimited.example/items/${i}`);

  test(`answers 200 with JSON after exactly 1 s while at most ${RATE_LIMIT} requests are in flight`, () => {
    const web = new SimulatedWeb();
    for (let inFlight = 1; inFlight <= RATE_LIMIT; inFlight++) {
      const r = answered(web.request(item(inFlight), inFlight));
      expect([r.status, r.latency]).toEqual([200, 1]);
      expect(JSON.parse(r.body)).toEqual({ id: inFlight, name: `item ${inFlight}` });
    }
  });

  test("answers 429 Too Many Requests, quickly and with Retry-After, once more than 3 are in flight", () => {
    const r = answered(new SimulatedWeb().request(item(4), 4));
    expect([r.status, r.reason, r.latency, r.headers["Retry-After"]]).toEqual([429, "Too Many Requests", 0.1, "1"]);
    expect(JSON.parse(r.body).detail).toContain("at most 3");
  });

  test("ten requests started together: three succeed, seven get 429", () => {
    const web = new SimulatedWeb();
    const statuses = Array.from({ length: 10 }, (_, i) => answered(web.request(item(i), i + 1)).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
  });

  test("ten requests in batches of three (a Semaphore(3)) all succeed, finishing at 1, 2, 3 and 4 s", () => {
    const web = new SimulatedWeb();
    const finishes: number[] = [];
    for (let start = 0, i = 0; i < 10; start++) {
      const batch = Math.min(3, 10 - i);
      for (let k = 1; k <= batch; k++, i++) {
        const r = answered(web.request(item(i), k));
        expect(r.status).toBe(200);
        finishes.push(start + r.latency);
      }
    }
    expect(finishes).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3, 4]);
  });
});

describe("hosts that misbehave on purpose", () => {
  test("blackhole.example never answers", () => {
    expect(new SimulatedWeb().request(get("https://blackhole.example/anything"))).toEqual({ kind: "never" });
  });

  test("slow.example answers after exactly 5 s", () => {
    const r = fetch("https://slow.example/");
    expect([r.status, r.latency]).toEqual([200, 5]);
  });

  test("refused.example refuses the connection with aiohttp's wording", () => {
    expect(new SimulatedWeb().request(get("https://refused.example/"))).toEqual({
      kind: "error", latency: 0.1, error: "ConnectionError",
      message: "Cannot connect to host refused.example:443 ssl:default [Connect call failed ('192.0.2.1', 443)]",
      host: "refused.example", port: 443, strerror: "Connect call failed ('192.0.2.1', 443)",
    });
  });

  test("an unknown host fails name resolution with aiohttp's wording and the scheme's port", () => {
    const outcome = new SimulatedWeb().request(get("https://nosuch.example/"));
    expect(outcome).toMatchObject({
      kind: "error", error: "DNSError", latency: 0.1,
      message: "Cannot connect to host nosuch.example:443 ssl:default [Name or service not known]",
    });
    expect(new SimulatedWeb().request(get("http://nosuch.example:8080/x"))).toMatchObject({
      message: "Cannot connect to host nosuch.example:8080 ssl:default [Name or service not known]",
    });
  });

  test("a URL without http(s) scheme is an InvalidURL error at once", () => {
    expect(new SimulatedWeb().request(get("httpbin.org/get"))).toEqual({
      kind: "error", latency: 0, error: "InvalidURL", message: "httpbin.org/get",
    });
  });

  test("an inFlight count below 1 is a client bug and throws", () => {
    expect(() => new SimulatedWeb().request(get("https://httpbin.org/get"), 0)).toThrow(RangeError);
  });
});

describe("SimulatedWeb.hosts", () => {
  test("documents every host, and every documented name answers (none is a DNS error)", () => {
    const hosts = new SimulatedWeb().hosts();
    expect(hosts.map((h) => h.host)).toEqual([
      "httpbin.org", "www.python.org", "docs.python.org", "pypi.org", "example.com",
      "api.ratelimited.example", "slow.example", "blackhole.example", "refused.example",
    ]);
    for (const info of hosts) {
      expect(info.description).not.toBe("");
      expect(info.endpoints.length).toBeGreaterThan(0);
      for (const name of [info.host, ...info.aliases]) {
        const outcome = new SimulatedWeb().request(get(`https://${name}/`));
        expect(outcome.kind === "error" && outcome.error === "DNSError").toBe(false);
      }
    }
  });

  test("returns copies, so callers cannot change the web", () => {
    const web = new SimulatedWeb();
    web.hosts()[0].endpoints.length = 0;
    expect(web.hosts()[0].endpoints.length).toBeGreaterThan(0);
  });

  test("hostOf names the host the clients count requests in flight for", () => {
    expect(hostOf("https://API.ratelimited.example:443/items/1?x=1")).toBe("api.ratelimited.example");
    expect(hostOf("not a url")).toBeNull();
  });
});
