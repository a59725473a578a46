/**
 * Every lesson (and the home page's example) in a real browser: each
 * playground runs in the sandbox, prints exactly its example's expected
 * output, and draws the lanes of its trace on its timeline; no page logs an
 * error; nothing is requested from another host; axe finds no accessibility
 * violations, on first paint and again after every playground has run (with
 * the playhead's line marked in the code) and an editor has been opened.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildModel } from "../../src/components/timeline/model/model.ts";
import { fmtCount, fmtTime } from "../../src/components/timeline/scale.ts";
import { loadExercises } from "../../src/sandbox/exercises.ts";
import { runSnippet } from "../../src/sandbox/run.ts";
import { axeViolations, launch, openPage, runPlayground } from "./browser.ts";

const lessons = readdirSync("src/content/docs/lessons")
  .filter((f) => f.endsWith(".mdx"))
  .map((f) => f.replace(/\.mdx$/, ""))
  .sort();

/** Example id → its expected output file, and its source. */
const expected = new Map<string, string>();
const sources = new Map<string, string>();
for (const lesson of readdirSync("src/content/examples")) {
  for (const f of readdirSync(join("src/content/examples", lesson))) {
    if (f.endsWith(".out")) expected.set(f.replace(/\.out$/, ""), readFileSync(join("src/content/examples", lesson, f), "utf8"));
    if (f.endsWith(".ts")) sources.set(f.replace(/\.ts$/, ""), readFileSync(join("src/content/examples", lesson, f), "utf8"));
  }
}

// An exercise's playground holds its starter: expected output as the pipeline prints it.
const exercises = await loadExercises();
for (const e of exercises) {
  sources.set(e.id, e.starter);
  expected.set(e.id, runSnippet(e.starter).output.filter((o) => o.stream === "stdout").map((o) => o.text).join(""));
}
const predicting = new Set(exercises.filter((e) => e.predict).map((e) => e.id));

/**
 * What the timeline must show for an example, from its trace (run here, in
 * Node, through the same pipeline: the virtual clock makes it the same run):
 * the lanes' summary and the lanes in display order.
 */
function expectedTimeline(id: string): { label: string; lanes: string[] } {
  const trace = runSnippet(sources.get(id) ?? "").trace;
  if (!trace) throw new Error(`no trace for ${id}`);
  const m = buildModel(trace);
  return { label: `Timeline lanes: ${fmtCount(m.taskLanes.size)} tasks over ${fmtTime(m.endTime)} of loop time`, lanes: m.lanes.map((l) => l.key) };
}

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await launch();
  context = await browser.newContext();
});
afterAll(async () => {
  await browser?.close();
});

/** Each lesson's page, and the home page (it has a playground too). */
const pages = [...lessons.map((l) => ({ name: `lesson ${l}`, path: `/lessons/${l}/` })), { name: "the home page", path: "/" }];

describe.each(pages)("$name", ({ path }) => {
  // Up to 14 playgrounds a lesson, each run in the sandbox and drawn on its timeline: a long test on a busy machine.
  it("runs every playground and shows its expected output, with no console errors and no foreign requests", { timeout: 600_000 }, async () => {
    const { page, errors, foreignRequests } = await openPage(context, path);
    const ids = await page.locator("al-playground").evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id as string));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const want = expected.get(id);
      expect(want, `expected output file for ${id}`).toBeDefined();
      const tl = page.locator(`al-playground[data-id="${id}"] .al-tl`);
      const before = (await tl.count()) > 0 ? await tl.getAttribute("data-run") : null;
      // An exercise that asks for a prediction holds its Run until then: skip it here.
      if (predicting.has(id)) await page.locator(`al-exercise[data-exercise-id="${id}"] [data-action=skip-prediction]`).click();
      const { output, status } = await runPlayground(page, id);
      expect(output, `output of ${id}`).toBe(want);
      expect(status).not.toMatch(/^Stopped|sandbox failed/);
      // Its timeline draws this run's lanes: all of them in order, as far as the view shows.
      await expect.poll(() => tl.getAttribute("data-run", { timeout: 1000 }).catch(() => null), { timeout: 60_000 }).not.toBe(before);
      const timeline = expectedTimeline(id);
      expect(await tl.locator(".al-tl-scroller").getAttribute("aria-label"), `timeline of ${id}`).toBe(timeline.label);
      const drawn = await tl.locator("svg.al-tl-svg g[data-lane]").evaluateAll((gs) => gs.map((g) => g.getAttribute("data-lane")));
      expect(drawn.length, `lanes drawn for ${id}`).toBeGreaterThanOrEqual(Math.min(timeline.lanes.length, 8));
      expect(drawn, `lanes of ${id}`).toEqual(timeline.lanes.slice(0, drawn.length));
      // An exercise's checks give their verdicts on the run (the starter fails at least one).
      const ex = page.locator(`al-exercise[data-exercise-id="${id}"]`);
      if ((await ex.count()) > 0) await expect.poll(() => ex.locator('.al-ex-check[data-state="fail"]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    }
    // Used as a learner uses it: every playground has run (the last one's
    // playhead marks a line of its code), and an editor is open.
    const last = page.locator(`al-playground[data-id="${ids[ids.length - 1]}"]`);
    await last.locator(".al-tl [aria-label='Skip to the end']").click();
    await last.locator(".al-tl [aria-label='Previous event']").click();
    await page.locator(`al-playground[data-id="${ids[0]}"] [data-action=edit]`).click();
    await page.locator(`al-playground[data-id="${ids[0]}"] .monaco-editor .view-lines`).waitFor({ timeout: 90_000 });
    expect(await page.locator(".al-mark-current").count(), "the playhead's line is marked in the code").toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.close();
  });

  it("has headings with stable ids and a link control each, and no axe violations", async () => {
    const { page, errors } = await openPage(context, path);
    const headings = await page.locator(".sl-markdown-content h2[id], .sl-markdown-content h3[id]").count();
    const anchors = await page.locator(".sl-markdown-content .sl-anchor-link").count();
    expect(headings).toBeGreaterThan(0);
    expect(anchors).toBe(headings);
    await page.locator("al-playground.al-ready").first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
