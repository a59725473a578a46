/**
 * The sandbox against code written to escape it (issue 5), in a real
 * browser: hostile snippets run through the playground, crafted links and
 * corrupt stored data are opened, a compromised worker and a crashed frame
 * are simulated, and each case asserts the safe outcome — no request leaves
 * the browser (a probe server on another port counts every hit, and the
 * browser's own request events are watched), the page's DOM and storage and
 * another tab are untouched, injected HTML stays text, a runaway is stopped
 * with its message, saved code is intact, and the next run works.
 *
 * One check drives the sandbox frame by hand with the worker's stubs and
 * lockdown switched off, to show the frame's content security policy alone
 * blocks every network path: each attempt fails, none reaches the probe
 * server, and the browser reports each request as refused by the policy.
 */
import { createServer, type Server } from "node:http";
import LZString from "lz-string";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { decodeReply } from "../../src/sandbox/wire.ts";
import { baseUrl, launch, outputText, waitForRunEnd } from "./browser.ts";

let browser: Browser;
let probe: Server;
/** Paths the probe server was asked for (HTTP and WebSocket upgrades). */
const hits: string[] = [];
let P = "";

let context: BrowserContext;
let page: Page;
let otherTab: Page;
/** Requests the browser made to anything but the site's own origin. */
const foreign: string[] = [];
/** Paths of requests to other origins that the browser refused for the content security policy. */
const blockedByCsp: string[] = [];
/** Console warnings and errors of the page (the channel reports dropped messages as warnings). */
const consoleLines: string[] = [];

const PLAY = "/play/";
const HEAD = 'import * as asyncio from "asyncio";\n';
const NETWORK = "network access is disabled in the sandbox";
const STOPPED = /^Stopped after 4 s of real time/;
const shareLink = (code: string, id = "play") => `${PLAY}?pg=${id}&code=${LZString.compressToEncodedURIComponent(code)}#pg-${id}`;

beforeAll(async () => {
  probe = createServer((req, res) => {
    hits.push(req.url ?? "");
    res.writeHead(200, { "Content-Type": "text/javascript", "Access-Control-Allow-Origin": "*" });
    res.end("/* probe */");
  });
  probe.on("upgrade", (req, socket) => {
    hits.push(`upgrade ${req.url}`);
    socket.destroy();
  });
  await new Promise<void>((ok) => probe.listen(0, "127.0.0.1", ok));
  const address = probe.address();
  P = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  browser = await launch();
  context = await browser.newContext();
  const site = new URL(baseUrl()).origin;
  // A request to another origin "left" unless the browser itself refused it
  // (Chromium reports a request the policy blocks, then its failure).
  const isForeign = (u: string) => !u.startsWith("data:") && !u.startsWith("blob:") && new URL(u).origin !== site;
  context.on("requestfinished", (r) => {
    if (isForeign(r.url())) foreign.push(r.url());
  });
  context.on("requestfailed", (r) => {
    const why = r.failure()?.errorText ?? "";
    if (!isForeign(r.url())) return;
    if (/^csp$|ERR_BLOCKED_BY_CSP/.test(why)) blockedByCsp.push(new URL(r.url()).pathname);
    else foreign.push(`${r.url()} (${why})`);
  });
  otherTab = await context.newPage();
  otherTab.setDefaultTimeout(60_000);
  await otherTab.goto(new URL(PLAY, baseUrl()).href, { waitUntil: "domcontentloaded" });
  await otherTab.locator("al-playground.al-ready").first().waitFor();
  await otherTab.evaluate(() => {
    sessionStorage.setItem("other-tab", "untouched");
    const w = window as unknown as { heard: unknown[] };
    w.heard = [];
    for (const name of ["async-lab", "sandbox", ""]) new BroadcastChannel(name).onmessage = (e) => w.heard.push(e.data);
  });
  page = await context.newPage();
  page.setDefaultTimeout(60_000);
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") consoleLines.push(m.text());
  });
  page.on("pageerror", (e) => consoleLines.push(`pageerror: ${e.message}`));
  await openPlay();
});

afterAll(async () => {
  await browser?.close();
  probe?.close();
});

/** After every case: nothing reached the network, and the page and the other tab are as they were. */
afterEach(async () => {
  const left = [...hits, ...foreign];
  const unexpected = consoleLines.filter((l) => !l.startsWith("Async Lab sandbox: ignored") && !/Content Security Policy|Content-Security-Policy/.test(l));
  hits.length = 0;
  foreign.length = 0;
  consoleLines.length = 0;
  blockedByCsp.length = 0;
  expect(left).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned)).toBeUndefined();
  expect(await page.evaluate(() => document.querySelectorAll("img, object, embed, al-playground iframe, .al-out-text *, .al-err-text *").length)).toBe(0);
  expect(await otherTab.evaluate(() => [document.title, sessionStorage.getItem("other-tab"), (window as unknown as { heard: unknown[] }).heard.length])).toEqual([
    "Playground | Async Lab",
    "untouched",
    0,
  ]);
  expect(unexpected).toEqual([]);
});

async function openPlay(path = PLAY): Promise<void> {
  await page.goto(new URL(path, baseUrl()).href, { waitUntil: "domcontentloaded" });
  await page.locator('al-playground[data-id="play"].al-ready').waitFor();
  await page.evaluate(() => {
    const marker = document.createElement("p");
    marker.id = "al-test-marker";
    marker.textContent = "page content";
    document.body.append(marker);
  });
}

interface Ran {
  readonly status: string;
  /** The program's lines, warnings included. */
  readonly output: string;
  /** The error box's text ("" when hidden). */
  readonly error: string;
}

/** Shows `code` in the /play/ playground (as a learner's code would be) and runs it. */
async function run(code: string): Promise<Ran> {
  await page.evaluate((src) => {
    const pg = document.querySelector('al-playground[data-id="play"]') as HTMLElement & { code: { show(c: string): void } };
    pg.code.show(src);
    pg.querySelector("[data-role=output]")!.replaceChildren();
    pg.querySelector("[data-role=status]")!.textContent = "";
  }, code);
  return clickRun();
}

async function clickRun(): Promise<Ran> {
  const pg = page.locator('al-playground[data-id="play"]');
  await pg.locator("[data-action=run]").click();
  await waitForRunEnd(page, "play", 60_000);
  return page.evaluate(() => {
    const pg = document.querySelector('al-playground[data-id="play"]')!;
    const err = pg.querySelector<HTMLElement>("[data-role=error]")!;
    return {
      status: pg.querySelector("[data-role=status]")!.textContent ?? "",
      output: [...pg.querySelectorAll(".al-out-line .al-out-text")].map((l) => `${l.textContent}\n`).join(""),
      error: err.hidden ? "" : (err.textContent ?? ""),
    };
  });
}

/**
 * A run a budget stopped gets its timeline, drawn from the start of its
 * trace, promptly (the page froze for minutes on all 400,000 events of a
 * one-task spin: each SVG node was appended live, and every step drawn).
 */
async function expectCutTimeline(): Promise<void> {
  const note = page.locator('al-playground[data-id="play"] .al-tl-note');
  await note.filter({ hasText: "The trace was cut at 100,000 events" }).waitFor({ timeout: 30_000 });
  // And the page answers.
  expect(await page.evaluate(() => document.title)).toContain("Async Lab");
  // Tens of thousands of steps in one instant are drawn as a few merged bars, not one element each.
  const svg = page.locator('al-playground[data-id="play"] svg.al-tl-svg');
  expect(await svg.evaluate((el) => el.querySelectorAll("*").length)).toBeLessThan(2000);
}

/** The next run works: a small program prints what it should. */
async function nextRunWorks(): Promise<void> {
  const r = await run(`${HEAD}async function main() { const x = await asyncio.sleep(1, "slept"); print("fine", x, asyncio.getRunningLoop().time() === 1); }\nasyncio.run(main());`);
  expect(r.status).toMatch(/^Finished/);
  expect(r.output).toBe("fine slept True\n");
}

describe("hostile snippets: the network", () => {
  const attempts: [string, string][] = [
    ["fetch()", `fetch("${"P"}/fetch");`],
    ["XMLHttpRequest", `const x = new XMLHttpRequest(); x.open("GET", "${"P"}/xhr"); x.send();`],
    ["WebSocket", `new WebSocket("${"P"}/ws".replace("http", "ws"));`],
    ["EventSource", `new EventSource("${"P"}/sse");`],
    ["WebTransport", `new (globalThis as any).WebTransport("https://127.0.0.1:1/wt");`],
    ["importScripts", `(globalThis as any).importScripts("${"P"}/importScripts");`],
    ["a nested Worker", `new Worker("${"P"}/worker.js");`],
    ["a font load", `new (globalThis as any).FontFace("x", "url(${"P"}/font)");`],
    ["navigator.sendBeacon", `(navigator as any).sendBeacon("${"P"}/beacon", "x");`],
    ["fetch reached through the global's prototype", `const proto: any = Object.getPrototypeOf(globalThis); proto.fetch.call(globalThis, "${"P"}/proto");`],
  ];
  it.each(attempts)("turns %s into a clear error, and nothing leaves the browser", async (_name, code) => {
    const r = await run(code.replaceAll('"P', `"${P}`).replaceAll("(P", `(${P}`));
    expect(r.status).toMatch(/^Raised SandboxError/);
    expect(r.error).toContain(NETWORK);
  });

  it("lets a dynamic import() smuggled through new Function fail at the content security policy", async () => {
    const r = await run(`const imp = new Function("u", "return import(u)");\nconst p = imp("${P}/dynamic-import");\nprint(typeof p);`);
    expect(r.output).toBe("object\n");
    // The import settles after the run: the browser refuses it for the policy.
    await expect.poll(() => blockedByCsp, { timeout: 30_000 }).toContain("/dynamic-import");
    consoleLines.length = 0; // the worker's unhandled rejection of that import
  });

  it("cannot restore a stub by deleting or overwriting it", async () => {
    const r = await run(`const g: any = globalThis;\ntry { delete g.fetch; } catch (e) { print("delete:", (e as Error).name); }\ntry { g.fetch = () => 1; } catch (e) { print("assign:", (e as Error).name); }\ntry { g.fetch("${P}/again"); } catch (e) { print(String(e).includes("${NETWORK}")); }`);
    expect(r.output).toBe("delete: TypeError\nassign: TypeError\nTrue\n");
  });

  it("turns storage, page and real-timer globals into clear errors", async () => {
    for (const [code, message] of [
      ["indexedDB.open('x');", "storage is disabled in the sandbox"],
      ["(globalThis as any).localStorage.setItem('x', '1');", "storage is disabled in the sandbox"],
      ["(globalThis as any).document.cookie;", "programs run in a sandboxed worker"],
      ["(globalThis as any).parent.postMessage('x', '*');", "programs run in a sandboxed worker"],
      ["setTimeout(() => print('late'), 0);", "real timers are disabled in the sandbox"],
      ["new BroadcastChannel('async-lab').postMessage({ pwned: true });", "real timers are disabled in the sandbox"],
      ["postMessage({ type: 'done' });", "the sandbox talks to the page only through the program's output"],
    ]) {
      const r = await run(code);
      expect(r.status, code).toMatch(/^Raised SandboxError/);
      expect(r.error, code).toContain(message);
    }
    await nextRunWorks();
  });
});

describe("hostile snippets: the page and the realm", () => {
  it("shows injected HTML in printed output, errors and tracebacks as text", async () => {
    const html = `<img src=x onerror="window.pwned=1"><script>window.pwned=2</script><b>bold</b>`;
    const r = await run(`print(${JSON.stringify(html)});\nthrow new ValueError(${JSON.stringify(html)});`);
    expect(r.output).toBe(`${html}\n`);
    expect(r.error).toContain(`ValueError: ${html}`);
    expect(await page.locator("#al-test-marker").textContent()).toBe("page content");
  });

  it("keeps built-ins intact for the next run when a snippet tampers with them", async () => {
    const r = await run(`Array.prototype.push = function () { return 0; };`);
    expect(r.error).toContain("TypeError");
    const again = await run(`${HEAD}async function main() { const p: any = Object.getPrototypeOf(asyncio.getRunningLoop()); p.time = () => 999; }\nasyncio.run(main());`);
    expect(again.error).toContain("TypeError");
    const check = await run(`const a: number[] = []; a.push(1, 2); print(a, JSON.stringify({ a }));`);
    expect(check.output).toBe(`[1, 2] {"a":[1,2]}\n`);
    await nextRunWorks();
  });

  it("removes the globals a run leaves behind before the next run", async () => {
    await run(`(globalThis as any).leaked = "from the last run";`);
    expect((await run(`print(typeof (globalThis as any).leaked);`)).output).toBe("undefined\n");
  });

  it("shows values whose printing throws, or that contain themselves, safely", async () => {
    const r = await run(
      `const bad = { toString() { throw new Error("no"); } };\nconst trap = new Proxy({}, { get() { throw new Error("trap"); }, ownKeys() { throw new Error("trap"); }, getPrototypeOf() { throw new Error("trap"); } });\nconst self: any[] = []; self.push(self);\nprint(bad); print(trap); print(self); print("still here");`,
    );
    expect(r.status).toMatch(/^Finished/);
    expect(r.output.split("\n").slice(-3)).toEqual(["[[...]]", "still here", ""]);
  });

  it("reports a thrown object whose every trap throws, without breaking the page", async () => {
    const r = await run(`throw new Proxy({}, { get() { throw new Error("trap"); }, getPrototypeOf() { throw new Error("trap"); } });`);
    expect(r.status).toMatch(/^Raised /);
    await nextRunWorks();
  });
});

describe("hostile snippets: runaways", () => {
  it("stops a synchronous infinite loop at the watchdog, and the next run works", async () => {
    const r = await run(`print("before");\nwhile (true) {}`);
    expect(r.status).toMatch(STOPPED);
    await nextRunWorks();
  });

  it("stops a loop of promise callbacks that starves the worker", async () => {
    const r = await run(`const spin = (): unknown => Promise.resolve().then(spin);\nspin();\nprint("scheduled");`);
    expect(r.status).toMatch(STOPPED);
    await nextRunWorks();
  });

  it("stops a value whose printing never ends", async () => {
    // Every trap of this proxy loops forever.
    const r = await run(`print(new Proxy({}, new Proxy({}, { get: () => () => { for (;;) {} } })));`);
    expect(r.status).toMatch(STOPPED);
    await nextRunWorks();
  });

  it("stops a task that never stops yielding at the step or time limit, keeping its output", async () => {
    const r = await run(`${HEAD}async function main() { print("spinning"); while (true) await asyncio.sleep(0); }\nasyncio.run(main());`);
    // The worker stops it itself and keeps its output; on a machine too busy
    // to send that back in time, the page's watchdog stops it instead.
    expect(r.status).toMatch(/^(Step limit reached|Time limit reached|Stopped after 4 s of real time)/);
    if (!r.status.startsWith("Stopped")) {
      expect(r.output).toContain("spinning\n");
      await expectCutTimeline();
    }
    await nextRunWorks();
  });

  it("stops a program that creates tasks without end at the task or time limit", async () => {
    const r = await run(`${HEAD}async function c() {}\nasync function main() { while (true) { asyncio.createTask(c()); await asyncio.sleep(0); } }\nasyncio.run(main());`);
    expect(r.status).toMatch(/^(Task limit reached|Step limit reached|Time limit reached|Stopped after 4 s of real time)/);
    if (!r.status.startsWith("Stopped")) await expectCutTimeline();
    await nextRunWorks();
  });

  it("stops runaway output at the output limit, and shows what came before", async () => {
    const r = await run(`for (let i = 0; ; i++) print("line " + i + " " + "x".repeat(200));`);
    expect(r.status).toMatch(/^Output limit reached/);
    expect(r.output.startsWith("line 0 ")).toBe(true);
    await nextRunWorks();
  });

  it("reports deep recursion as RecursionError, and the next run works", async () => {
    const r = await run(`function down(n: number): number { return down(n + 1) + 1; }\ndown(0);`);
    expect(r.status).toBe("Raised RecursionError after 0.000 s of loop time.");
    expect(r.error).toContain("RecursionError: maximum recursion depth exceeded");
    await nextRunWorks();
  });

  it("reports a string grown past the engine's limit as MemoryError", async () => {
    const r = await run(`let s = "x";\nwhile (true) s = s + s;`);
    expect(r.status).toMatch(/^Raised MemoryError/);
    await nextRunWorks();
  });
});

describe("hostile snippets: delays", () => {
  it("returns at once from a negative sleep, as Python does", async () => {
    const r = await run(`${HEAD}async function main() { await asyncio.sleep(-5); print(asyncio.getRunningLoop().time() === 0); }\nasyncio.run(main());`);
    expect(r.output).toBe("True\n");
  });

  it("ends infinite and huge sleeps at the virtual time limit, without waiting in real time", async () => {
    for (const delay of ["Infinity", "1e300", "Number.MAX_VALUE"]) {
      const r = await run(`${HEAD}async function main() { print("zz"); await asyncio.sleep(${delay}); print("woke"); }\nasyncio.run(main());`);
      expect(r.status, delay).toMatch(/^Virtual time limit reached/);
      expect(r.output, delay).toContain("zz\n");
      expect(r.output, delay).not.toContain("woke");
    }
  });

  it("raises ValueError for a NaN delay, in asyncio.sleep and call_later alike", async () => {
    const r = await run(`${HEAD}async function main() {\n  try { await asyncio.sleep(NaN); } catch (e) { print(repr(e)); }\n  asyncio.getRunningLoop().callLater(NaN, () => print("never"));\n}\nasyncio.run(main());`);
    expect(r.output).toContain("ValueError('Invalid delay: NaN (not a number)')\n");
    expect(r.status).toMatch(/^Raised ValueError/);
  });
});

describe("saved code and stored data", () => {
  it("saves the learner's code before a Run that hangs, and shows it after a reload without running it", async () => {
    await page.evaluate(() => localStorage.setItem("async-lab:edit:play", JSON.stringify({ code: "print('mine');\n", savedAt: 1 })));
    await openPlay();
    const hang = `print("my work");\nwhile (true) {}\n`;
    expect((await run(hang)).status).toMatch(STOPPED);
    await openPlay();
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem("async-lab:edit:play") ?? "{}").code)).toBe(hang);
    expect(await page.locator('al-playground[data-id="play"] [data-role=plain]').textContent()).toBe(hang.trimEnd());
    expect(await page.locator('al-playground[data-id="play"] [data-role=status]').textContent()).toBe("");
    await page.evaluate(() => localStorage.removeItem("async-lab:edit:play"));
    await openPlay();
  });

  it("sets a corrupt stored edit aside with a message, and the page works", async () => {
    for (const raw of ["{not json", JSON.stringify({ code: 42 }), JSON.stringify({ code: "x".repeat(300_000), savedAt: 1 }), "null", JSON.stringify(["<img src=x onerror=window.pwned=1>"])]) {
      await page.evaluate((r) => {
        for (const k of Object.keys(localStorage)) if (k.startsWith("async-lab:corrupt:")) localStorage.removeItem(k);
        localStorage.setItem("async-lab:edit:play", r);
      }, raw);
      await openPlay();
      expect(await page.locator('al-playground[data-id="play"] [data-role=notice]').textContent()).toContain("could not be read");
      const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("async-lab:corrupt:")).map((k) => localStorage.getItem(k)));
      expect(kept).toEqual([raw]);
      expect(await page.evaluate(() => localStorage.getItem("async-lab:edit:play"))).toBeNull();
    }
    await nextRunWorks();
  });
});

describe("crafted links", () => {
  it("never runs a hostile shared program by itself, shows its HTML as text, and keeps the saved edit", async () => {
    await page.evaluate(() => localStorage.setItem("async-lab:edit:play", JSON.stringify({ code: "print('mine');\n", savedAt: 1 })));
    const code = `// <img src=x onerror="window.pwned=1"></template><script>window.pwned=2</script>\nfetch("${P}/auto");\nwhile (true) {}\n`;
    await openPlay(shareLink(code));
    const pg = page.locator('al-playground[data-id="play"]');
    await expect.poll(() => pg.locator("[data-role=badge]").textContent(), { timeout: 30_000 }).toBe("Shared code");
    expect(await pg.locator("[data-role=plain]").textContent()).toBe(code.trimEnd());
    await page.waitForTimeout(1000);
    expect(await pg.locator("[data-role=status]").textContent()).toBe("");
    expect(await outputText(page, "play")).toBe("");
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem("async-lab:edit:play") ?? "{}").code)).toBe("print('mine');\n");
    await page.evaluate(() => localStorage.removeItem("async-lab:edit:play"));
  });

  it("refuses an oversized link before decoding it, and a small link that decodes to too much", async () => {
    const pg = page.locator('al-playground[data-id="play"]');
    await openPlay(`${PLAY}?pg=play&code=${"A".repeat(13_000)}`);
    expect(await pg.locator("[data-role=notice]").textContent()).toContain("too long to open");
    const bomb = LZString.compressToEncodedURIComponent("a".repeat(2_000_000));
    expect(bomb.length).toBeLessThan(12_000);
    await openPlay(`${PLAY}?pg=play&code=${bomb}`);
    expect(await pg.locator("[data-role=notice]").textContent()).toContain("too long to open");
    expect(await pg.locator("[data-role=badge]").isHidden()).toBe(true);
    await nextRunWorks();
  });

  it("ignores a link whose playground id is markup, and one that is corrupt", async () => {
    const pg = page.locator('al-playground[data-id="play"]');
    await openPlay(`${PLAY}?pg=${encodeURIComponent('"><img src=x onerror=window.pwned=1>')}&code=${LZString.compressToEncodedURIComponent("print(1)")}`);
    expect(await pg.locator("[data-role=notice]").textContent()).toContain("names no playground");
    await openPlay(`${PLAY}?pg=play&code=%E0%A4%A`);
    expect(await pg.locator("[data-role=notice]").textContent()).toMatch(/could not be read|holds no code/);
    await nextRunWorks();
  });
});

/**
 * Comlink's wire format and the run reply's bytes (src/sandbox/wire.ts), written by hand: what a compromised worker
 * could send. A reply: "ALR2", the head's length, the head (JSON), then the output's columns from 8-byte boundaries.
 */
const EVIL_WORKER = `
const enc = (o) => {
  const r = o.result;
  const strings = r.output.map((x) => x.text);
  const head = new TextEncoder().encode(JSON.stringify({ v: 2, runId: o.runId, ok: r.ok, error: r.error, stats: r.stats, notices: [], trace: null, strings, counts: { events: 0, times: 0, floats: 0, lists: 0, sleeps: 0, tasks: 0, prims: 0, output: r.output.length } }));
  const n = r.output.length;
  const align = (x) => (x + 7) & ~7;
  let at = align(8 + head.length);
  const offsets = [];
  for (const size of [8 * n, 4 * n, 4 * n, n]) { offsets.push(at); at = align(at + size); }
  const buf = new ArrayBuffer(at);
  const dv = new DataView(buf);
  dv.setUint32(0, 0x32524c41, true);
  dv.setUint32(4, head.length, true);
  new Uint8Array(buf).set(head, 8);
  r.output.forEach((x, i) => {
    new Float64Array(buf, offsets[0], n)[i] = x.time;
    new Int32Array(buf, offsets[1], n)[i] = x.textIndex ?? i;
    new Int32Array(buf, offsets[2], n)[i] = -1;
    new Uint8Array(buf, offsets[3], n)[i] = 0;
  });
  return buf;
};
const result = (text) => ({ ok: true, output: [{ text, stream: "stdout", time: 0, task: null }], error: null, trace: null, stats: { compileMs: 0, runMs: 0, steps: 0, tasks: 0, virtualTime: 0 } });
addEventListener("message", (e) => {
  const port = e.data && e.data.port;
  if (!port) return;
  // Unsolicited, before anything is asked: a forged "done".
  port.postMessage({ id: "1", type: "RAW", value: enc({ v: 1, runId: "guess", result: result("forged done") }) });
  port.postMessage({ type: "done", output: "<img src=x onerror=window.pwned=1>" });
  port.onmessage = (m) => {
    const { id, path, argumentList } = m.data;
    if (path[0] !== "run") return port.postMessage({ id, type: "RAW", value: { ok: true, bootMs: 0, lockdownMs: 0, frozen: 0, problems: [] } });
    const src = argumentList[0].value;
    const runId = argumentList[1].value.runId;
    if (src.includes("other-run")) return port.postMessage({ id, type: "RAW", value: enc({ v: 1, runId: "not-" + runId, result: result("wrong run") }) });
    if (src.includes("html")) {
      port.postMessage({ id, type: "RAW", value: enc({ v: 1, runId, result: result('<img src=x onerror="window.pwned=1">') }) });
      port.postMessage({ id, type: "RAW", value: enc({ v: 1, runId, result: result("second reply") }) });
      return;
    }
    if (src.includes("huge")) return port.postMessage({ id, type: "RAW", value: new ArrayBuffer(49 * 1024 * 1024) });
    // Malformed: an output item whose text points past the strings table.
    if (src.includes("shape")) return port.postMessage({ id, type: "RAW", value: enc({ v: 1, runId, result: { ...result("x"), output: [{ text: "x", textIndex: 7, stream: "stdout", time: 0 }] } }) });
  };
});`;

/** A frame that starts the worker but never answers the page's pings, as a crashed (out of memory) frame would not. */
const SILENT_FRAME_BOOT = `addEventListener("message", (e) => { const d = e.data; if (d && d.type === "start") { const w = new Worker(URL.createObjectURL(new Blob([d.code], { type: "text/javascript" }))); w.postMessage({ type: "connect", port: d.port, options: d.options }, [d.port]); } }); parent.postMessage({ type: "sandbox-ready" }, "*");`;

describe("a compromised sandbox", () => {
  it("ignores and reports unsolicited and forged replies, replies naming another run, second replies and malformed ones", async () => {
    await page.route("**/sandbox/worker.js*", (route) => route.fulfill({ contentType: "text/javascript", body: EVIL_WORKER }));
    try {
      await openPlay();
      consoleLines.length = 0;
      const notResult = "The sandbox sent back something that is not a run result; it was ignored.";
      expect((await run("// other-run")).status).toBe(notResult);
      const html = await run("// html");
      expect(html.status).toMatch(/^Finished/);
      expect(html.output).toBe('<img src=x onerror="window.pwned=1">\n');
      expect((await run("// huge")).status).toMatch(/^The sandbox failed: the sandbox sent a run reply of \d+ bytes/);
      expect((await run("// shape")).status).toBe(notResult);
      const dropped = consoleLines.filter((l) => l.startsWith("Async Lab sandbox: ignored"));
      expect(dropped.some((l) => l.includes("unsolicited, forged or repeated"))).toBe(true);
      expect(dropped.some((l) => l.includes("not a reply to any request"))).toBe(true);
      expect(dropped.some((l) => l.includes("names another run"))).toBe(true);
      expect(await outputText(page, "play")).not.toContain("forged done");
    } finally {
      await page.unroute("**/sandbox/worker.js*");
      consoleLines.length = 0;
    }
    await openPlay();
    await nextRunWorks();
  });

  it("says the sandbox ran out of memory when its frame falls silent, and boots a fresh one", async () => {
    await page.route("**/sandbox/frame.html*", async (route) => {
      const r = await route.fetch().catch(() => null);
      if (r === null) return route.abort().catch(() => undefined);
      const body = (await r.text()).replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, "").replace(/<script>[\s\S]*<\/script>/, `<script>${SILENT_FRAME_BOOT}</script>`);
      await route.fulfill({ response: r, body }).catch(() => undefined);
    });
    try {
      await openPlay();
      const r = await run("while (true) {}");
      expect(r.status).toMatch(/^The sandbox ran out of memory and was stopped/);
    } finally {
      await page.unroute("**/sandbox/frame.html*");
    }
    await openPlay();
    await nextRunWorks();
  });
});

/**
 * Starts the sandbox frame and worker by hand (as the page does), with the
 * worker's own defences set by `options`, runs `sources` one after the
 * other (waiting `settleMs` before each but the first) and returns each
 * run's output, with the worker's warm-up report.
 */
async function handRun(options: { stubs: boolean; lockdown: boolean }, sources: string[], settleMs: number): Promise<{ warm: { ok: boolean; frozen: number; problems: string[] }; outputs: string[] }> {
  const { warm, replies } = await page.evaluate(
    async ({ options, sources, settleMs }) => {
      const code = await (await fetch("/sandbox/worker.js")).text();
      const frame = document.createElement("iframe");
      frame.setAttribute("sandbox", "allow-scripts");
      const ready = new Promise<void>((ok) =>
        addEventListener("message", function h(e) {
          if (e.source === frame.contentWindow && (e.data as { type?: string })?.type === "sandbox-ready") {
            removeEventListener("message", h);
            ok();
          }
        }),
      );
      frame.src = "/sandbox/frame.html";
      document.body.append(frame);
      await ready;
      const { port1, port2 } = new MessageChannel();
      frame.contentWindow!.postMessage({ type: "start", code, port: port2, options }, "*", [port2]);
      port1.start();
      let n = 0;
      const call = (path: string, args: unknown[]) =>
        new Promise<unknown>((ok) => {
          const id = `hand-${++n}`;
          port1.addEventListener("message", function h(e) {
            if ((e.data as { id?: string }).id !== id) return;
            port1.removeEventListener("message", h);
            ok((e.data as { value: unknown }).value);
          });
          port1.postMessage({ id, type: "APPLY", path: [path], argumentList: args.map((value) => ({ type: "RAW", value })) });
        });
      const warm = (await call("warm", [])) as { ok: boolean; frozen: number; problems: string[] };
      // Each reply's bytes, decoded in Node by the page's own decoder (src/sandbox/wire.ts).
      const replies: number[][] = [];
      for (const [i, source] of sources.entries()) {
        if (i > 0) await new Promise((ok) => setTimeout(ok, settleMs));
        const buffer = (await call("run", [source, { runId: `r${i}` }])) as ArrayBuffer;
        replies.push(Array.from(new Uint8Array(buffer)));
      }
      frame.remove();
      return { warm, replies };
    },
    { options, sources, settleMs },
  );
  const outputs = replies.map((bytes) => {
    const { result } = decodeReply(new Uint8Array(bytes).buffer);
    return result.output.map((o) => o.text).join("") + (result.error ? `ERROR ${result.error.text}` : "");
  });
  return { warm, outputs };
}

/** Tries every network path a worker has; the outcomes land in a global the second run prints. */
const NETWORK_PROBE = (P: string) => `const g: any = globalThis;
const log: string[] = (g.__probe = []);
const note = (k: string) => (x: any) => log.push(k);
g.addEventListener("securitypolicyviolation", (e: any) => log.push("csp " + e.effectiveDirective));
try { g.fetch("${P}/fetch").then(note("fetch ok"), note("fetch failed")); } catch (e) { note("fetch threw")(e); }
try { const x = new g.XMLHttpRequest(); x.onerror = note("xhr failed"); x.onload = note("xhr ok"); x.open("GET", "${P}/xhr"); x.send(); } catch (e) { note("xhr threw")(e); }
try { const w = new g.WebSocket("${P.replace("http", "ws")}/ws"); w.onerror = note("ws failed"); } catch (e) { note("ws threw")(e); }
try { const s = new g.EventSource("${P}/sse"); s.onerror = note("sse failed"); } catch (e) { note("sse threw")(e); }
try { if (g.WebTransport) new g.WebTransport("https://127.0.0.1:9/wt").ready.then(note("wt ok"), note("wt failed")); else note("wt missing")(0); } catch (e) { note("wt threw")(e); }
try { g.importScripts("${P}/importScripts"); note("importScripts ok")(0); } catch (e) { note("importScripts threw")(e); }
try { new Function("u", "return import(u)")("${P}/import").then(note("import ok"), note("import failed")); } catch (e) { note("import threw")(e); }
try { new g.Worker(g.URL.createObjectURL(new g.Blob(["fetch('${P}/nested-fetch').catch(() => 0); importScripts('${P}/nested-import');"], { type: "text/javascript" }))); note("nested started")(0); } catch (e) { note("nested threw")(e); }
try { new g.Worker("data:text/javascript,fetch('${P}/data-worker')"); note("data worker started")(0); } catch (e) { note("data worker threw")(e); }
try { new g.FontFace("probe", "url(${P}/font)").load().then(note("font ok"), note("font failed")); } catch (e) { note("font threw")(e); }
try { note(typeof g.navigator.sendBeacon === "function" ? "beacon " + g.navigator.sendBeacon("${P}/beacon", "x") : "beacon missing")(0); } catch (e) { note("beacon threw")(e); }
print("probing");`;
const PRINT_PROBE = "print(JSON.stringify(((globalThis as any).__probe ?? []).slice().sort()));";

describe("the content security policy alone", () => {
  it("blocks every network path of the worker with the runner's stubs and lockdown switched off", async () => {
    await openPlay();
    const { outputs: [first, second] } = await handRun({ stubs: false, lockdown: false }, [NETWORK_PROBE(P), PRINT_PROBE], 2500);
    expect(first).toBe("probing\n");
    const outcomes = JSON.parse(second) as string[];
    // Every path was tried and failed (or was refused outright), and the policy saw each.
    for (const path of ["fetch", "xhr", "ws", "sse", "importScripts", "import", "font"]) expect(outcomes.filter((o) => o === `${path} failed` || o === `${path} threw`), path).toHaveLength(1);
    expect(outcomes.filter((o) => o.endsWith(" ok"))).toEqual([]);
    expect(outcomes.filter((o) => o.startsWith("csp ")).length).toBeGreaterThanOrEqual(5);
    // The browser itself names the policy as what stopped them.
    expect(blockedByCsp).toEqual(expect.arrayContaining(["/xhr", "/sse", "/import", "/font"]));
    await page.waitForTimeout(1000);
    expect(hits).toEqual([]);
    // The probe's own nested worker reports its refused importScripts as an uncaught error.
    consoleLines.length = 0;
  });

  it("sees a fully secured worker otherwise: every stub installed, thousands of objects frozen, no problem reported", async () => {
    await openPlay();
    const { warm, outputs } = await handRun({ stubs: true, lockdown: true }, [`fetch("${P}/secured");`], 0);
    expect(warm.ok).toBe(true);
    expect(warm.problems, warm.problems.join("; ")).toEqual([]);
    expect(warm.frozen).toBeGreaterThan(1000);
    expect(outputs[0]).toContain(NETWORK);
  });
});
