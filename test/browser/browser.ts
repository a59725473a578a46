/**
 * The browser the tests drive: Debian's Chromium through playwright-core
 * (browser downloads are not possible here). Honours CHROME_PATH.
 */
import { readFileSync } from "node:fs";
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { expect, inject } from "vitest";

export const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

export function baseUrl(): string {
  return inject("baseUrl");
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium", args: FLAGS });
}

/** A page that records console errors, page errors and every request that leaves for another host. */
export interface WatchedPage {
  readonly page: Page;
  readonly errors: string[];
  readonly foreignRequests: string[];
}

export async function openPage(context: BrowserContext, path: string): Promise<WatchedPage> {
  const page = await context.newPage();
  const errors: string[] = [];
  const foreignRequests: string[] = [];
  const base = new URL(baseUrl());
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("request", (r) => {
    const u = r.url();
    if (u.startsWith("data:") || u.startsWith("blob:")) return;
    if (new URL(u).host !== base.host) foreignRequests.push(u);
  });
  await page.goto(new URL(path, base).href, { timeout: 90_000 });
  return { page, errors, foreignRequests };
}

/** Waits until the status of the playground with `id` says how its run ended (set, and no longer "Running…"). */
export async function waitForRunEnd(page: Page, id: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (pid) => {
      const el = document.querySelector(`al-playground[data-id="${pid}"] [data-role=status]`);
      return !!el && el.textContent !== "" && el.textContent !== "Running…";
    },
    id,
    { timeout },
  );
}

/** Runs the playground with `id` and waits for its status to say it finished. */
export async function runPlayground(page: Page, id: string): Promise<{ output: string; status: string }> {
  const pg = page.locator(`al-playground[data-id="${id}"]`);
  await pg.locator(".al-pg-actions").waitFor();
  await pg.locator("[data-action=run]").click();
  await waitForRunEnd(page, id);
  return { output: await outputText(page, id), status: (await pg.locator("[data-role=status]").textContent()) ?? "" };
}

/** The output lines of a playground as the program printed them (text only, one per line). */
export async function outputText(page: Page, id: string): Promise<string> {
  return page.evaluate((pid) => {
    const lines = document.querySelectorAll(`al-playground[data-id="${pid}"] .al-out-line:not(.al-out-warning) .al-out-text`);
    return [...lines].map((l) => `${l.textContent}\n`).join("");
  }, id);
}

const axeSource = readFileSync("node_modules/axe-core/axe.min.js", "utf8");

/** axe's violations on the page as it is now, one line each ("rule: selectors"); `rules`: only these rules. */
export async function axeViolations(page: Page, rules?: readonly string[]): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (rules) => {
    const r = await (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; nodes: { target: string[]; failureSummary?: string }[] }[] }> } }).axe.run(document, {
      resultTypes: ["violations"],
      ...(rules ? { runOnly: { type: "rule", values: rules } } : {}),
    });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(" ")} (${(n.failureSummary ?? "").split("\n").slice(1, 2).join("").trim()})`).join(", ")}`);
  }, rules);
}

/** Runs a playground, checks how its status says it ended, and waits for its timeline to show this run. */
export async function runWithTimeline(page: Page, id: string, ended: RegExp = /^Finished/): Promise<Locator> {
  const pg = page.locator(`al-playground[data-id="${id}"]`);
  // No timeline before a playground's first run: do not wait for one.
  const before = (await pg.locator(".al-tl").count()) > 0 ? await pg.locator(".al-tl").getAttribute("data-run") : null;
  const { status } = await runPlayground(page, id);
  expect(status).toMatch(ended);
  await expect.poll(() => pg.locator(".al-tl").getAttribute("data-run", { timeout: 1000 }).catch(() => null), { timeout: 60_000 }).not.toBe(before);
  return pg;
}
