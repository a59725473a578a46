/**
 * Who awaits whom, at the playhead, in a real browser: lesson 5's TaskGroup
 * example draws main → its TaskGroup → the three tasks → what each waits
 * on, and a task's button marks its lane; two tasks awaiting each other are
 * called out as a deadlock. Screenshots of both (desktop and phone) go to
 * SCREENSHOTS, if set, to be looked at.
 */
import LZString from "lz-string";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEADLOCK } from "../fixtures/deadlock.ts";
import { axeViolations, launch, openPage, runWithTimeline } from "./browser.ts";

const LONG = { timeout: 60_000 };
const SHOTS = process.env.SCREENSHOTS ?? "";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The await graph's tree as text: one line per node, indented by depth. */
async function treeText(pg: Locator): Promise<string> {
  return pg.locator(".al-tl-await .al-tl-tree").evaluate((ul) => {
    const lines: string[] = [];
    const walk = (list: Element, depth: number) => {
      for (const li of list.children) {
        const own = [...li.childNodes].filter((n) => !(n instanceof HTMLUListElement)).map((n) => n.textContent).join("");
        lines.push(`${"  ".repeat(depth)}${own.trim()}`);
        const sub = li.querySelector(":scope > ul");
        if (sub) walk(sub, depth + 1);
      }
    };
    walk(ul, 0);
    return lines.join("\n");
  });
}

async function shoot(page: Page, name: string, target: Locator): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await target.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

describe.each([
  { size: "desktop", viewport: { width: 1280, height: 900 } },
  { size: "phone", viewport: { width: 390, height: 844 } },
])("who awaits whom ($size)", ({ size, viewport }) => {
  it("shows main awaiting its TaskGroup, which waits for three tasks, each on its request; a task's button marks its lane", async () => {
    const context = await browser.newContext({ viewport });
    const { page, errors } = await openPage(context, "/lessons/05-advanced/#pg-taskgroup");
    const pg = await runWithTimeline(page, "taskgroup");
    // The moment the last of the three tasks sends its request.
    await pg.getByRole("button", { name: "Table" }).click();
    const row = pg.locator(".al-tl-table tbody tr", { hasText: "Task-4" }).filter({ hasText: "waits" }).first();
    await row.locator("button").click();
    const graph = pg.locator(".al-tl-await");
    await graph.locator("summary").click();
    await expect.poll(() => treeText(pg), LONG).toContain("awaits TaskGroup (3 tasks)");
    expect(await treeText(pg)).toBe(
      [
        "Task-1 main()",
        "  awaits TaskGroup (3 tasks)",
        "    Task-2 fetchStatus()",
        "      awaits GET www.python.org/",
        "    Task-3 fetchStatus()",
        "      awaits GET refused.example/",
        "    Task-4 fetchStatus()",
        "      awaits GET docs.python.org/3/library/asyncio.html",
      ].join("\n"),
    );
    expect(await graph.locator(".al-tl-cycle").count()).toBe(0);
    // The page after use, graph open, on both sizes (on a phone the output scrolls: it must take focus).
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, `await-taskgroup-${size}`, graph);
    // Task-3's button: its lane is drawn and marked.
    await graph.getByRole("button", { name: "Task-3", exact: true }).click();
    const svg = pg.locator("svg.al-tl-svg");
    await expect.poll(() => svg.locator('g[data-layer=labels] rect[data-highlight="task:3"]').count(), LONG).toBe(1);
    expect(await svg.locator('g[data-lane="task:3"]').count()).toBe(1);
    // Stepping with the arrow keys from a task's button redraws the graph and keeps the focus on that task.
    const tl = pg.locator(".al-tl");
    const cursor = await tl.getAttribute("data-cursor");
    await graph.getByRole("button", { name: "Task-3", exact: true }).focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => tl.getAttribute("data-cursor"), LONG).not.toBe(cursor);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.task)).toBe("3");
    // Space on its summary closes the graph; it does not start playback.
    await graph.locator("summary").focus();
    await page.keyboard.press(" ");
    await expect.poll(() => graph.evaluate((d) => (d as HTMLDetailsElement).open), LONG).toBe(false);
    expect(await pg.getByRole("button", { name: "Play" }).count()).toBe(1);
    // The mark belongs to that run: the next run's Task-3 is another task, and no lane is marked.
    await runWithTimeline(page, "taskgroup");
    await expect.poll(() => svg.locator('g[data-lane="task:3"]').count(), LONG).toBe(1);
    expect(await svg.locator("g[data-layer=labels] rect[data-highlight]").count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("calls out two tasks that await each other as a deadlock", async () => {
    const context = await browser.newContext({ viewport });
    const { page, errors } = await openPage(context, `/play/?pg=play&code=${LZString.compressToEncodedURIComponent(DEADLOCK)}#pg-play`);
    // The runtime reports the deadlock; asyncio.run's shutdown then raises, cancelling two tasks that await each other.
    const pg = await runWithTimeline(page, "play", /^Raised /);
    await pg.getByRole("button", { name: "Skip to the end" }).click();
    const graph = pg.locator(".al-tl-await");
    await graph.locator("summary").click();
    await expect.poll(() => graph.locator(".al-tl-cycle").textContent(), LONG).toBe("Deadlock: first → second → first. These tasks wait on each other: none of them can ever finish.");
    const tree = await treeText(pg);
    expect(tree.split("\n").slice(0, 6)).toEqual([
      "Task-1 main()",
      "  awaits gather (2 awaitables)",
      "    first first()",
      "      awaits Task second",
      "        second secondJob()",
      "          awaits Task first",
    ]);
    expect(tree).toContain("first first() ↻ waits on a task above it: a cycle");
    await shoot(page, `await-deadlock-${size}`, graph);
    expect(errors).toEqual([]);
    await context.close();
  });
});
