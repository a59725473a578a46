/**
 * The event-loop timeline, in a real browser: the greeters' lanes and what
 * they wait on; playback reveals output in time order; scrubbing, keyboard
 * stepping and clicking an output line move the highlighted code line; a
 * pinned run is compared with the next; the trace downloads as Trace Event
 * Format; the table lists the same events; axe finds no violations; a run
 * of 3,000 tasks is drawn a view at a time, and downloads as a picture of
 * its first 2,000 lanes; a task name made of HTML stays text.
 *
 * Deterministic on a busy machine: every wait polls with a generous
 * timeout, and nothing asserts how long anything took in real time.
 */
import LZString from "lz-string";
import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manyTasksSnippet } from "../fixtures/many-tasks.ts";
import { axeViolations, launch, openPage, runPlayground, runWithTimeline } from "./browser.ts";

const axeSource = readFileSync("node_modules/axe-core/axe.min.js", "utf8");
const LONG = { timeout: 60_000 };

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  context.setDefaultTimeout(60_000);
  context.setDefaultNavigationTimeout(90_000);
});
afterAll(async () => {
  await browser?.close();
});

const share = (code: string) => `/play/?pg=play&code=${LZString.compressToEncodedURIComponent(code)}#pg-play`;

/** Skips playback to the end. */
async function skipToEnd(pg: Locator): Promise<void> {
  await pg.getByRole("button", { name: "Skip to the end" }).click();
  await expect.poll(() => pg.locator(".al-tl").getAttribute("data-cursor"), LONG).toBe(String(Number(await pg.locator(".al-tl").getAttribute("data-events")) - 1));
}

/** Text of the code line highlighted for the playhead. */
async function markedLine(pg: Locator): Promise<string> {
  const marked = pg.locator(".al-mark-current");
  return (await marked.count()) === 1 ? ((await marked.textContent()) ?? "") : `(${await marked.count()} lines marked)`;
}

/** The tooltip shown when the pointer rests on a lane's text label. */
async function tipOn(page: Page, target: Locator): Promise<string> {
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (!box) throw new Error("not on screen");
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const tip = page.locator(".al-tl-tip:not([hidden])");
  await tip.waitFor();
  return (await tip.innerText()).replace(/\s*\n\s*/g, " | ");
}

describe("the event-loop timeline", () => {
  it("draws the greeters: the loop, main and two task lanes, both greeters waiting `sleep 1 s` from 0 to 1", async () => {
    const { page, errors } = await openPage(context, "/lessons/02-basics/#pg-greeters");
    const pg = await runWithTimeline(page, "greeters");
    await skipToEnd(pg);
    const svg = pg.locator(".al-tl svg.al-tl-svg");
    expect(await svg.locator("g[data-lane]").evaluateAll((gs) => gs.map((g) => g.getAttribute("data-lane")))).toEqual(["loop", "task:1", "task:2", "task:3"]);
    const labels = await svg.locator("g[data-layer=labels] text").allTextContents();
    for (const label of ["event loop", "Task-1", "main()", "Task-2", "greet()", "Task-3"]) expect(labels).toContain(label);
    for (const id of [2, 3]) {
      const lane = svg.locator(`g[data-lane="task:${id}"]`);
      const sleep = lane.locator("text", { hasText: /^sleep 1 s$/ });
      expect(await sleep.count()).toBe(1);
      expect(await tipOn(page, sleep)).toContain(`Task-${id} waits: sleep 1 s | 0.000 s → 1.000 s`);
    }
    expect(await svg.locator('g[data-lane="task:1"] text', { hasText: "gather (2 awaitables)" }).count()).toBe(1);
    expect(await pg.locator(".al-tl-summary").textContent()).toContain("1.000 s of loop time · 3 tasks");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("plays the run back: output lines appear at their virtual times (those at 0 s at once), in order, then stay", async () => {
    const { page, errors } = await openPage(context, "/lessons/02-basics/#pg-greeters");
    const pg = page.locator('al-playground[data-id="greeters"]');
    await pg.locator(".al-pg-actions").waitFor();
    // Record the order in which lines are revealed (hidden → shown) while it plays.
    await pg.locator("[data-role=output]").evaluate((ol) => {
      const w = window as unknown as { revealed: string[]; hiddenMax: number };
      w.revealed = [];
      w.hiddenMax = 0;
      new MutationObserver((records) => {
        for (const r of records) {
          const li = r.target as HTMLElement;
          if (r.type === "attributes" && r.oldValue !== null && !li.hasAttribute("data-hidden")) w.revealed.push(li.querySelector(".al-out-text")?.textContent ?? "");
        }
        w.hiddenMax = Math.max(w.hiddenMax, ol.querySelectorAll("[data-hidden]").length);
      }).observe(ol, { subtree: true, attributes: true, attributeFilter: ["data-hidden"], attributeOldValue: true, childList: true });
    });
    await runWithTimeline(page, "greeters");
    await expect.poll(() => pg.getByRole("button", { name: "Play", exact: true }).count(), LONG).toBe(1);
    const { revealed, hiddenMax } = await page.evaluate(() => {
      const w = window as unknown as { revealed: string[]; hiddenMax: number };
      return { revealed: w.revealed, hiddenMax: w.hiddenMax };
    });
    // The hellos (0 s) are never hidden; the lines printed at 1 s wait for it.
    expect(hiddenMax).toBe(3);
    expect(revealed).toEqual(["Ada says goodbye", "Guido says goodbye", "took 1.0 s"]);
    expect(await pg.locator(".al-out-line[data-hidden]").count()).toBe(0);
    const times = await pg.locator(".al-out-time").allTextContents();
    expect(times.map(Number)).toEqual([...times.map(Number)].sort((a, b) => a - b));
    expect(errors).toEqual([]);
    await page.close();
  });

  it("moves the highlighted code line with the scrubber, the arrow keys, and a click on an output line", async () => {
    const { page, errors } = await openPage(context, "/lessons/02-basics/#pg-greeters");
    const pg = await runWithTimeline(page, "greeters");
    await skipToEnd(pg);
    expect(await markedLine(pg)).toContain("took");
    // The scrubber, dragged to halfway: between the two instants, both greeters asleep.
    const scrubber = pg.getByRole("slider", { name: "Playhead position" });
    await scrubber.evaluate((input: HTMLInputElement) => {
      input.value = String(Number(input.max) / 2);
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await expect.poll(() => markedLine(pg), LONG).toContain("asyncio.sleep(1)");
    expect(await pg.locator(".al-tl-state").innerText()).toMatch(/timers[\s\S]*1\.000 s sleep 1 s/i);
    // The keyboard: Home, then one event at a time.
    await pg.locator(".al-tl-scroller").focus();
    await page.keyboard.press("Home");
    await expect.poll(() => pg.locator(".al-tl").getAttribute("data-cursor"), LONG).toBe("-1");
    expect(await markedLine(pg)).toBe("(0 lines marked)");
    for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowRight");
    await expect.poll(() => pg.locator(".al-tl").getAttribute("data-cursor"), LONG).toBe("3");
    expect(await markedLine(pg)).toContain("asyncio.gather(greet");
    for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowRight");
    await expect.poll(() => markedLine(pg), LONG).toContain("says hello");
    expect(await pg.locator(".al-tl-now").innerText()).toContain("Task-2");
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => pg.locator(".al-tl").getAttribute("data-cursor"), LONG).toBe("6");
    // A click on an output line shows the moment it was printed.
    await pg.locator(".al-out-line", { hasText: "Guido says goodbye" }).click();
    await expect.poll(() => markedLine(pg), LONG).toContain("says goodbye");
    expect(await pg.locator(".al-tl-now").innerText()).toMatch(/Task-3\s+prints/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("pins a run and draws the next one below it, with the loop time of each", async () => {
    // Lesson 1's point: five blocking requests (5 s), pinned; then a concurrent program (2 s).
    const blocking = readFileSync("src/content/examples/01-why-async/blocking-requests.ts", "utf8");
    const { page, errors } = await openPage(context, share(blocking));
    const pg = await runWithTimeline(page, "play");
    await pg.getByRole("button", { name: "Pin run: keep this run to compare it with the next one" }).click();
    await expect.poll(() => pg.locator(".al-tl-compare").innerText(), LONG).toContain("This run is pinned (5.000 s of loop time)");
    // Back to the playground's own program (three workers under gather: 2 s), and run it.
    await pg.locator("[data-action=drop-shared]").click();
    await runWithTimeline(page, "play");
    const totals = await pg.locator(".al-tl-totals").innerText();
    expect(totals).toMatch(/Pinned run\s+5\.000 s of loop time\s+This run\s+2\.000 s of loop time/);
    expect(await pg.locator(".al-tl-verdict").textContent()).toBe("This run took 3.000 s less (2.5× as fast).");
    const headers = await pg.locator("svg.al-tl-svg g[data-layer=labels] text").allTextContents();
    expect(headers).toContain("Pinned run");
    expect(headers).toContain("This run");
    expect(await pg.getByRole("button", { name: "Unpin the pinned run" }).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("downloads the trace as Trace Event Format JSON, and the timeline as SVG", async () => {
    const { page, errors } = await openPage(context, "/lessons/02-basics/#pg-greeters");
    const pg = await runWithTimeline(page, "greeters");
    const [json] = await Promise.all([page.waitForEvent("download"), pg.getByRole("button", { name: /^Trace JSON/ }).click()]);
    const tef = JSON.parse(readFileSync((await json.path()) as string, "utf8")) as { traceEvents: { ph: string; name: string; ts: number; pid: number; tid?: number; args?: { name?: string } }[] };
    expect(Array.isArray(tef.traceEvents)).toBe(true);
    for (const e of tef.traceEvents) {
      expect(typeof e.ph).toBe("string");
      expect(typeof e.pid).toBe("number");
      if (e.ph !== "M") expect(Number.isFinite(e.ts)).toBe(true);
    }
    const threads = tef.traceEvents.filter((e) => e.ph === "M" && e.name === "thread_name").map((e) => e.args?.name ?? "");
    expect(threads.join("\n")).toMatch(/Task-2/);
    const sleeps = tef.traceEvents.filter((e) => e.ph === "X" && e.name.includes("sleep 1 s"));
    expect(sleeps.length).toBeGreaterThanOrEqual(2);
    const [svg] = await Promise.all([page.waitForEvent("download"), pg.getByRole("button", { name: "Download the timeline as SVG" }).click()]);
    const text = readFileSync((await svg.path()) as string, "utf8");
    expect(text).toMatch(/^<\?xml[^>]*>\s*<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(text).toContain(">sleep 1 s<");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("lists the same events in the table view, and a row moves the playhead", async () => {
    const { page, errors } = await openPage(context, "/lessons/02-basics/#pg-greeters");
    const pg = await runWithTimeline(page, "greeters");
    await pg.getByRole("button", { name: "Table" }).click();
    const table = pg.locator(".al-tl-table table");
    await table.waitFor();
    const rows = await table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? "")));
    // The run's trace, as the page holds it (packed columns): each event's time, from its own index.
    const events = await pg.evaluate((el) => {
      const trace = (el as unknown as { result: { trace: { count: number; t(i: number): number } } }).result.trace;
      return Array.from({ length: trace.count }, (_, i) => ({ t: trace.t(i) }));
    });
    expect(rows).toHaveLength(events.length);
    expect(rows.map((r) => Number(r[1]))).toEqual(events.map((e) => e.t));
    expect(rows.map((r) => r[0])).toEqual(events.map((_, i) => String(i + 1)));
    const kinds = rows.map((r) => `${r[2]} ${r[3]}`);
    expect(kinds.filter((k) => k === "Task-2 waits")).toHaveLength(1);
    expect(kinds.filter((k) => k.endsWith(" prints"))).toHaveLength(5);
    expect(rows.find((r) => r[2] === "Task-3" && r[3] === "waits")?.[4]).toContain("sleep 1 s");
    await table.getByRole("button", { name: "8", exact: true }).click();
    await expect.poll(() => pg.locator(".al-tl").getAttribute("data-cursor"), LONG).toBe("7");
    expect(await table.locator("tr[aria-current=true] th").textContent()).toBe("8");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("has no axe violations, with the table open and the state panel filled", async () => {
    const { page, errors } = await openPage(context, "/lessons/04-patterns-and-pitfalls/#pg-semaphore");
    const pg = await runWithTimeline(page, "semaphore");
    await pg.getByRole("button", { name: "Table" }).click();
    await pg.locator(".al-tl-scroller").focus();
    for (let i = 0; i < 20; i++) await page.keyboard.press("ArrowRight");
    await pg.locator(".al-tl-legend summary").click();
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const r = await axe.run({ include: [["al-playground[data-id=semaphore] .al-tl"]] }, { resultTypes: ["violations"] });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    });
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("draws a run of 3,000 tasks a view at a time: scrolling to the end draws the last task's lane", async () => {
    const code = manyTasksSnippet(3000);
    const { page, errors } = await openPage(context, share(code));
    const pg = await runWithTimeline(page, "play");
    await skipToEnd(pg);
    const tl = pg.locator(".al-tl");
    const scroller = tl.locator(".al-tl-scroller");
    expect(await scroller.getAttribute("aria-label")).toBe("Timeline lanes: 3,001 tasks over 30.000 s of loop time");
    const svg = tl.locator("svg.al-tl-svg");
    const labels = () => svg.locator("g[data-layer=labels] text").allTextContents();
    const elements = () => svg.evaluate((el) => el.querySelectorAll("*").length);
    // Only the lanes in view are drawn: the first jobs, not the last.
    expect(await labels()).toContain("Task-2");
    expect(await labels()).not.toContain("Task-3001");
    expect(await elements()).toBeLessThan(3000);
    // The semaphore's lane: its waiters as an area, its free permits as a line.
    const sem = svg.locator('g[data-lane^="prim:"]');
    expect(await sem.locator("path").count()).toBe(2);
    expect(await sem.locator('path[fill="none"]').count()).toBe(1);
    await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect.poll(labels, LONG).toContain("Task-3001");
    expect(await labels()).not.toContain("Task-2");
    expect(await elements()).toBeLessThan(3000);
    // The last job waited 29 s for a permit.
    const last = svg.locator("g[data-lane] text", { hasText: "Semaphore(100)" }).last();
    expect(await tipOn(page, last)).toMatch(/^Task-3001 waits: Semaphore\(100\) \| 0\.000 s → 29\.000 s/);
    // Its picture holds the first 2,000 lanes (the loop, the semaphore, Task-1 to Task-1998), and says so.
    const [download] = await Promise.all([page.waitForEvent("download"), pg.getByRole("button", { name: "Download the timeline as SVG" }).click()]);
    const picture = readFileSync((await download.path()) as string, "utf8");
    expect(picture).toContain("<title>Async Lab timeline: 3,001 tasks, 30.000 s of loop time (its first 2,000 lanes)</title>");
    expect(picture).toContain(">Task-1998<");
    expect(picture).not.toContain(">Task-1999<");
    // The table opens at the playhead (the last event), then follows playback from the start to its end.
    const events = (await tl.getAttribute("data-events")) ?? "";
    const current = () => tl.locator(".al-tl-table tr[aria-current=true] button").textContent({ timeout: 1000 }).catch(() => null);
    await pg.getByRole("button", { name: "Table" }).click();
    await expect.poll(current, LONG).toBe(events);
    await pg.getByRole("combobox", { name: /speed/i }).selectOption("8");
    await tl.locator(".al-tl-scroller").focus();
    await page.keyboard.press("Home");
    await page.keyboard.press("Space");
    await expect.poll(async () => Number(await current()), LONG).toBeGreaterThan(1000);
    await pg.getByRole("button", { name: "Skip to the end" }).click();
    await expect.poll(current, LONG).toBe(events);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("draws a second asyncio.run's blocked period as long as the first's, in the loop's lane and its task's, and the page passes axe after it ran", async () => {
    const once = readFileSync("src/content/examples/04-patterns-and-pitfalls/blocking-call.ts", "utf8");
    const { page, errors } = await openPage(context, share(once.replace("asyncio.run(main());", "asyncio.run(main());\nasyncio.run(main());")));
    const pg = await runWithTimeline(page, "play");
    await skipToEnd(pg);
    const widths = (lane: string) => pg.locator(`svg.al-tl-svg g[data-lane${lane}] rect[data-block]`).evaluateAll((rs) => rs.map((r) => Number(r.getAttribute("width"))));
    for (const lane of ['="loop"', '^="task:"']) {
      await expect.poll(() => widths(lane).then((w) => w.length), LONG).toBe(2);
      const [first, second] = await widths(lane);
      expect(first).toBeGreaterThan(20);
      expect(Math.abs(second - first)).toBeLessThan(2);
    }
    // The shared code is shown as plain text, wider than the page on a phone: the code box (the tab stop) scrolls it.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("puts the last run's timeline away when a run has none (the code did not compile), and shows the next one", async () => {
    const greet = 'import * as asyncio from "asyncio";\nasync function main() { await asyncio.sleep(1); print("hi"); }\nasyncio.run(main());\n';
    const { page, errors } = await openPage(context, share(greet));
    const pg = await runWithTimeline(page, "play");
    const tl = pg.locator(".al-tl");
    expect(await tl.isVisible()).toBe(true);
    const show = (src: string) => pg.evaluate((el, s) => (el as unknown as { code: { show(c: string): void } }).code.show(s), src);
    await show("async function main( {\n");
    const { status } = await runPlayground(page, "play");
    expect(status).not.toMatch(/^Finished/);
    await expect.poll(() => tl.isHidden(), LONG).toBe(true);
    await show(greet);
    await runWithTimeline(page, "play");
    expect(await tl.isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("plays a run of many short steps faster than 1×: one second of loop time, but minutes of playback at 1×", async () => {
    const code = `import * as asyncio from "asyncio";
async function main() {
  for (let i = 0; i < 1000; i++) await asyncio.sleep(0.001);
  print("done");
}
asyncio.run(main());
`;
    const { page, errors } = await openPage(context, share(code));
    await page.evaluate(() => localStorage.setItem("async-lab:speed", "1"));
    await page.reload();
    const pg = await runWithTimeline(page, "play");
    // Each of the 1,000 steps dwells on the playback axis: at 1× that would take over four minutes.
    expect(await pg.getByRole("combobox", { name: /speed/i }).inputValue()).toBe("8");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows a task name made of HTML as text, in the lanes, the state panel and the table", async () => {
    const name = '<img src=x onerror="window.pwned=1"><b>bold</b>';
    const code = `import * as asyncio from "asyncio";
async function main() {
  const t = asyncio.createTask(asyncio.sleep(1), { name: ${JSON.stringify(name)} });
  await t;
}
asyncio.run(main());
`;
    const { page, errors } = await openPage(context, share(code));
    const pg = await runWithTimeline(page, "play");
    await skipToEnd(pg);
    const tl = pg.locator(".al-tl");
    expect(await tl.locator("img, b").count()).toBe(0);
    // The lane label (cut to fit with an ellipsis) is the name's own characters.
    const labels = await tl.locator("svg.al-tl-svg g[data-layer=labels] text").allTextContents();
    expect(labels.some((l) => l.startsWith("<img src=x") && name.startsWith(l.replace(/…$/, "")))).toBe(true);
    await pg.getByRole("button", { name: "Table" }).click();
    expect(await tl.locator(".al-tl-table td", { hasText: name }).count()).toBeGreaterThan(0);
    await tl.locator(".al-tl-scroller").focus();
    await page.keyboard.press("Home");
    for (let i = 0; i < 6; i++) await page.keyboard.press("ArrowRight");
    expect(await tl.locator(".al-tl-state").innerText()).toContain(name);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });
});
