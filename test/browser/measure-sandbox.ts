/**
 * Measures the sandbox's cost in headless Chromium (not a test: run it by
 * hand, `DIST=dist-sb npx node test/browser/measure-sandbox.ts`):
 *
 * - Run click → the reply handled (the playground's `al-run` event) and →
 *   the first output line the learner can see, for the page's first run
 *   (clicked as soon as the playground is ready, so it includes booting
 *   the sandbox) and for later runs; medians of `ROUNDS` fresh pages
 *   (default 10), 3 later runs each, each `GAP` ms after the one before
 *   ended (default 0: back to back; 1000 is a learner reading the output
 *   before the next click). The page and playground are
 *   `PAGE` and `ID` (default /play/ and play; the playground issue's figure
 *   is `PAGE=/lessons/02-basics/ ID=greeters`);
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

const PAGE = process.env.PAGE ?? "/play/";
const GAP = Number(process.env.GAP ?? 0);
const ID = process.env.ID ?? "play";

/** Click → reply handled, and click → first visible output line, ms. */
async function clickToOutput(page: Page): Promise<{ reply: number; line: number }> {
  return page.evaluate(async (id) => {
    const pg = document.querySelector(`al-playground[data-id="${id}"]`) as HTMLElement;
    pg.querySelector("[data-role=output]")!.replaceChildren();
    const t0 = performance.now();
    let reply = -1;
    pg.addEventListener("al-run", () => (reply = performance.now() - t0), { once: true });
    (pg.querySelector("[data-action=run]") as HTMLButtonElement).click();
    return new Promise<{ reply: number; line: number }>((resolve) => {
      const check = () => (pg.querySelector(".al-out-line:not([data-hidden])") ? resolve({ reply, line: performance.now() - t0 }) : requestAnimationFrame(check));
      check();
    });
  }, ID);
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
const rounds = Number(process.env.ROUNDS ?? 10);
const first: { reply: number; line: number }[] = [];
const later: { reply: number; line: number }[] = [];
for (let i = 0; i < rounds; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (off) {
    await page.route("**/sandbox/frame.html*", async (route) => {
      const r = await route.fetch();
      await route.fulfill({ response: r, body: withoutLockdown(await r.text()) });
    });
  }
  await page.goto(`${base}${PAGE}`, { waitUntil: "domcontentloaded" });
  await page.locator(`al-playground.al-ready[data-id="${ID}"]`).waitFor({ timeout: 60_000 });
  first.push(await clickToOutput(page));
  await page.waitForFunction(() => !document.querySelector("[data-action=run][aria-busy]"), undefined, { timeout: 60_000 });
  for (let j = 0; j < 3; j++) {
    if (GAP > 0) await page.waitForTimeout(GAP);
    later.push(await clickToOutput(page));
    await page.waitForFunction(() => !document.querySelector("[data-action=run][aria-busy]"), undefined, { timeout: 60_000 });
  }
  await context.close();
}
const summary = (xs: { reply: number; line: number }[]) => ({
  reply: { median: Math.round(median(xs.map((x) => x.reply))), all: xs.map((x) => Math.round(x.reply)) },
  firstLine: { median: Math.round(median(xs.map((x) => x.line))), all: xs.map((x) => Math.round(x.line)) },
});
console.log(JSON.stringify({ page: PAGE, id: ID, gapMs: GAP, lockdown: off ? "off" : "on", firstRun: summary(first), laterRuns: summary(later) }));
await browser.close();
server.close();
