/**
 * Measures the sandbox's cost in headless Chromium (not a test: run it by
 * hand, `DIST=dist-sb npx node test/browser/measure-sandbox.ts`):
 *
 * - Run click → first output line on /play/, for the page's first run
 *   (clicked as soon as the playground is ready, so it includes booting
 *   the sandbox) and for later runs; medians of `ROUNDS` fresh pages;
 * - the same with the worker's lockdown and stubs switched off (`LOCKDOWN=off`):
 *   the frame's boot script is rewritten to pass `{ stubs: false, lockdown: false }`
 *   and its policy's hash updated, so the content security policy stays.
 *
 * Prints one JSON line.
 */
import { createHash } from "node:crypto";
import type { Page } from "playwright-core";
import { chromium } from "playwright-core";
import { serve } from "./server.ts";

const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const off = process.env.LOCKDOWN === "off";

async function clickToOutput(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const pg = document.querySelector('al-playground[data-id="play"]') as HTMLElement;
    pg.querySelector("[data-role=output]")!.replaceChildren();
    const t0 = performance.now();
    (pg.querySelector("[data-action=run]") as HTMLButtonElement).click();
    return new Promise<number>((resolve) => {
      const check = () => (pg.querySelector(".al-out-line") ? resolve(performance.now() - t0) : requestAnimationFrame(check));
      check();
    });
  });
}

/** The frame page with the worker's own defences switched off, its policy otherwise unchanged. */
function withoutLockdown(html: string): string {
  const script = /<script>([\s\S]*)<\/script>/.exec(html)![1];
  const patched = script.replace("stubs: o.stubs !== false, lockdown: o.lockdown !== false", "stubs: false, lockdown: false");
  if (patched === script) throw new Error("the frame's boot script changed: update measure-sandbox.ts");
  const hash = (s: string) => createHash("sha256").update(s).digest("base64");
  return html.replace(script, patched).replace(`sha256-${hash(script)}`, `sha256-${hash(patched)}`);
}

const server = await serve(process.env.DIST ?? "dist");
const address = server.address();
const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium", args: FLAGS });
const rounds = Number(process.env.ROUNDS ?? 7);
const first: number[] = [];
const later: number[] = [];
for (let i = 0; i < rounds; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (off) {
    await page.route("**/sandbox/frame.html*", async (route) => {
      const r = await route.fetch();
      await route.fulfill({ response: r, body: withoutLockdown(await r.text()) });
    });
  }
  await page.goto(`${base}/play/`, { waitUntil: "domcontentloaded" });
  await page.locator("al-playground.al-ready").waitFor({ timeout: 60_000 });
  first.push(await clickToOutput(page));
  await page.waitForFunction(() => !document.querySelector("[data-action=run][aria-busy]"), undefined, { timeout: 60_000 });
  for (let j = 0; j < 3; j++) {
    later.push(await clickToOutput(page));
    await page.waitForFunction(() => !document.querySelector("[data-action=run][aria-busy]"), undefined, { timeout: 60_000 });
  }
  await context.close();
}
console.log(
  JSON.stringify({
    lockdown: off ? "off" : "on",
    firstRun: { median: Math.round(median(first)), all: first.map(Math.round) },
    laterRuns: { median: Math.round(median(later)), all: later.map(Math.round) },
  }),
);
await browser.close();
server.close();
