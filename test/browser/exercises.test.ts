/**
 * Exercises as a learner meets them, on the production build: a code
 * exercise failed and then solved by editing; the predict-first flow for a
 * multiple-choice and an ordering question (Run held back until a
 * prediction is locked in or skipped, then judged by the run); hints one at
 * a time and the solution as a diff without losing the learner's edit;
 * progress in the sidebar and on the home page after a reload, cleared on
 * request, and a corrupt record set aside; a deep link to an exercise; the
 * embed route.
 */
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadExercises } from "../../src/sandbox/exercises.ts";
import { axeViolations, baseUrl, launch, openPage } from "./browser.ts";

const exercises = await loadExercises();
const byId = new Map(exercises.map((e) => [e.id, e]));
const firstOf = (kind: "choice" | "order") => {
  const e = exercises.find((x) => x.predict?.kind === kind);
  if (!e) throw new Error(`no ${kind} exercise`);
  return e;
};

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const fresh = (): Promise<BrowserContext> => browser.newContext({ viewport: { width: 1280, height: 900 } });

function exercise(page: Page, id: string): Locator {
  return page.locator(`al-exercise[data-exercise-id="${id}"]`);
}

/** The check marks of an exercise, ✓ or ✗ each, once its checks have a verdict. */
async function verdicts(ex: Locator): Promise<string[]> {
  await expect.poll(() => ex.locator('.al-ex-check[data-state="pass"], .al-ex-check[data-state="fail"]').count(), { timeout: 30_000 }).toBe(await ex.locator(".al-ex-check").count());
  return ex.locator(".al-ex-mark").allTextContents();
}

/** Replaces the code in the exercise's editor as a learner pasting it would. */
async function replaceCode(page: Page, ex: Locator, code: string): Promise<void> {
  await ex.locator("[data-role=code]").click();
  await ex.locator(".monaco-editor .view-lines").waitFor({ timeout: 90_000 });
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(code);
}

async function run(ex: Locator): Promise<void> {
  const status = ex.locator("al-playground [data-role=status]");
  await status.evaluate((s) => (s.textContent = ""));
  await ex.locator("al-playground [data-action=run]").click();
  await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/^(Finished|Raised|Did not compile|The run|Stopped)/);
}

describe("a code exercise", () => {
  it("fails with the starter, passes once the learner's edit does what it asks, and is marked solved", async () => {
    const context = await fresh();
    const e = byId.get("overlap-the-waits")!;
    const { page, errors } = await openPage(context, `/lessons/${e.lesson}/`);
    const ex = exercise(page, e.id);
    await ex.locator("al-playground.al-ready").waitFor();
    expect(await ex.getAttribute("id")).toBe(e.id);
    await run(ex);
    const first = await verdicts(ex);
    expect(first).toContain("✗");
    expect(await ex.locator(".al-ex-check").first().textContent()).toMatch(/Takes at most 1\.5 s of loop time.*took 5\.0 s/);
    await replaceCode(page, ex, e.solution);
    await run(ex);
    await expect.poll(() => verdicts(ex), { timeout: 30_000 }).toEqual(e.checks.map(() => "✓"));
    expect(await ex.locator("[data-role=state]").textContent()).toBe("✓ Solved");
    await expect.poll(() => ex.locator("[data-role=announce]").textContent(), { timeout: 10_000 }).toMatch(/All \d+ checks pass: exercise solved/);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("predict first", () => {
  it("holds a multiple-choice exercise's Run until a prediction is locked in, then judges it by the run", async () => {
    const context = await fresh();
    const e = firstOf("choice");
    const { page, errors } = await openPage(context, `/lessons/${e.lesson}/#${e.id}`);
    const ex = exercise(page, e.id);
    await ex.locator("al-playground.al-ready").waitFor();
    // Run before predicting: held back, with a word why.
    await ex.locator("al-playground [data-action=run]").click();
    await expect.poll(() => ex.locator("[data-role=announce]").textContent(), { timeout: 10_000 }).toMatch(/Make your prediction first/);
    expect(await ex.locator("al-playground [data-role=output] li").count()).toBe(0);
    // Lock in a wrong answer with nothing picked: asked to pick one.
    await ex.locator("[data-action=lock-prediction]").click();
    expect(await ex.locator("[data-role=prediction-result]").textContent()).toMatch(/Pick one answer first/);
    const wrong = e.predict!.kind === "choice" ? (e.predict!.answer + 1) % e.predict!.options.length : 0;
    await ex.locator(`input[type=radio][value="${wrong}"]`).check();
    await ex.locator("[data-action=lock-prediction]").click();
    await expect.poll(() => ex.locator("[data-role=prediction-result]").textContent(), { timeout: 30_000 }).toMatch(/Not quite.*The answer:/);
    expect(await ex.locator("al-playground [data-role=output] li").count()).toBeGreaterThan(0);
    // The prediction is kept: after a reload it is still locked, and Run goes ahead.
    await page.reload();
    await ex.locator("al-playground.al-ready").waitFor();
    expect(await ex.locator(`input[type=radio][value="${wrong}"]`).isChecked()).toBe(true);
    expect(await ex.locator(`input[type=radio][value="${wrong}"]`).isDisabled()).toBe(true);
    await run(ex);
    await expect.poll(() => ex.locator("[data-role=prediction-result]").textContent(), { timeout: 30_000 }).toMatch(/Not quite/);
    // Then the change the exercise asks for: the checks fail on the starter and pass on a fix.
    expect(await verdicts(ex)).toContain("✗");
    await replaceCode(page, ex, e.solution);
    await run(ex);
    await expect.poll(() => verdicts(ex), { timeout: 30_000 }).toEqual(e.checks.map(() => "✓"));
    expect(errors).toEqual([]);
    await context.close();
  });

  it("lets the learner order the lines with the keyboard, pick times, and shows each line right or wrong after the run", async () => {
    const context = await fresh();
    const e = firstOf("order");
    if (e.predict?.kind !== "order") throw new Error("order");
    const { page, errors } = await openPage(context, `/lessons/${e.lesson}/#${e.id}`);
    const ex = exercise(page, e.id);
    await ex.locator("al-playground.al-ready").waitFor();
    const items = ex.locator(".al-ex-order-item");
    // While the prediction is open, the checks are hidden: they would give it away.
    expect(await ex.locator("[data-role=checks-box]").isHidden()).toBe(true);
    // It starts shuffled: not already the answer.
    const start = await items.evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.line));
    expect(start).not.toEqual([...e.predict.lines]);
    // The true order and times, from the run of the starter in Node would be the answer; here the learner gets it right by moving lines.
    const truth = [...e.predict.lines];
    for (let i = 0; i < truth.length; i++) {
      // Move truth[i] up to position i, with its "Move up" button, by keyboard.
      for (let guard = 0; guard < truth.length; guard++) {
        const order = await items.evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.line));
        if (order.indexOf(truth[i]) <= i) break;
        const up = ex.getByRole("button", { name: `Move “${truth[i]}” up` });
        await up.focus();
        await page.keyboard.press("Enter");
      }
    }
    expect(await items.evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.line))).toEqual(truth);
    if (e.predict.times) {
      // Locking in without times asks for them.
      await ex.locator("[data-action=lock-prediction]").click();
      expect(await ex.locator("[data-role=prediction-result]").textContent()).toMatch(/Pick a time for every line/);
      for (const select of await ex.locator("select.al-ex-time").all()) await select.selectOption({ index: 1 });
    }
    await ex.locator("[data-action=lock-prediction]").click();
    await expect.poll(() => ex.locator(".al-ex-order-item[data-verdict]").count(), { timeout: 30_000 }).toBe(truth.length);
    const marks = await ex.locator(".al-ex-order-verdict").allTextContents();
    expect(marks.every((m) => /^[✓✗] (printed \w+ at [\d.]+ s|not printed)$/.test(m))).toBe(true);
    expect(marks.filter((m) => m.endsWith("not printed"))).toEqual([]);
    // Places are right (the learner ordered them as the lesson's truth); times were all the first choice.
    const n = truth.length;
    expect(await ex.locator("[data-role=prediction-result]").textContent()).toMatch(e.predict.times ? new RegExp(`✓ Exactly right|✗ ${n} of ${n} lines in the right place`) : /Exactly right/);
    // The checks, hidden while the prediction was open, now judge the code: the starter fails, a fix passes.
    expect(await verdicts(ex)).toContain("✗");
    await replaceCode(page, ex, e.solution);
    await run(ex);
    await expect.poll(() => verdicts(ex), { timeout: 30_000 }).toEqual(e.checks.map(() => "✓"));
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("answers that wait for the run", () => {
  it("keeps a playground's answer closed until the learner has run it, then opens it", async () => {
    const context = await fresh();
    const { page, errors } = await openPage(context, "/lessons/02-basics/");
    const answer = page.locator('al-after-run[data-for="greeters"] details');
    await page.locator('al-playground[data-id="greeters"].al-ready').waitFor();
    expect(await answer.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await answer.locator("summary").textContent()).toMatch(/Run the program first/);
    await page.locator('al-playground[data-id="greeters"] [data-action=run]').click();
    await expect.poll(() => answer.evaluate((d) => (d as HTMLDetailsElement).open), { timeout: 30_000 }).toBe(true);
    expect(await answer.locator("summary").textContent()).toBe("What happened");
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("help", () => {
  it("reveals hints one at a time and the solution beside the learner's code, never overwriting the edit; Reset restores the starter", async () => {
    const context = await fresh();
    const e = byId.get("overlap-the-waits")!;
    const { page } = await openPage(context, `/lessons/${e.lesson}/#${e.id}`);
    const ex = exercise(page, e.id);
    await ex.locator("al-playground.al-ready").waitFor();
    // Hints: none shown until asked, then one per click.
    expect(await ex.locator(".al-ex-hint:visible").count()).toBe(0);
    const next = ex.locator("[data-action=next-hint]");
    expect(await next.textContent()).toBe(`Show a hint (${e.hints.length} in all)`);
    await next.click();
    expect(await ex.locator(".al-ex-hint:visible").count()).toBe(1);
    expect(await ex.locator(".al-ex-hint:visible").textContent()).toContain("Hint 1");
    await next.click();
    expect(await ex.locator(".al-ex-hint:visible").count()).toBe(2);
    // An edit of the learner's own.
    await ex.locator("[data-role=code]").click();
    await ex.locator(".monaco-editor .view-lines").waitFor({ timeout: 90_000 });
    await page.keyboard.press("Control+End");
    await page.keyboard.type("\n// my own note");
    await expect.poll(() => page.evaluate((id) => localStorage.getItem(`async-lab:edit:${id}`) ?? "", e.id), { timeout: 30_000 }).toContain("my own note");
    await ex.locator("[data-action=solution]").click();
    const diff = ex.locator("[data-role=diff] table");
    await diff.waitFor();
    expect(await diff.locator("caption").textContent()).toMatch(/lines? differs?/);
    expect(await diff.locator("tr.al-diff-removed, tr.al-diff-changed").first().textContent()).toBeTruthy();
    expect(await diff.textContent()).toContain("my own note");
    expect(await diff.textContent()).toContain("asyncio.gather");
    // The edit is untouched, in the editor and in storage.
    expect(await page.evaluate((id) => localStorage.getItem(`async-lab:edit:${id}`) ?? "", e.id)).toContain("my own note");
    expect((await ex.locator(".monaco-editor .view-lines").textContent())?.replace(/\u00a0/g, " ")).toContain("my own note");
    // Hints and the reveal survive a reload; Reset gives the starter back.
    await page.reload();
    await ex.locator("al-playground.al-ready").waitFor();
    expect(await ex.locator(".al-ex-hint:visible").count()).toBe(2);
    await ex.locator("al-playground [data-action=reset]").click();
    expect(await page.evaluate((id) => localStorage.getItem(`async-lab:edit:${id}`), e.id)).toBeNull();
    await context.close();
  });
});

describe("progress", () => {
  it("shows solved exercises in the sidebar and on the home page after a reload, and clears on request", async () => {
    const context = await fresh();
    const e = byId.get("overlap-the-waits")!;
    const inLesson = exercises.filter((x) => x.lesson === e.lesson).length;
    const { page, errors } = await openPage(context, `/lessons/${e.lesson}/`);
    const ex = exercise(page, e.id);
    await ex.locator("al-playground.al-ready").waitFor();
    await replaceCode(page, ex, e.solution);
    await run(ex);
    await expect.poll(() => ex.locator("[data-role=state]").textContent(), { timeout: 30_000 }).toBe("✓ Solved");
    await page.reload();
    const badge = page.locator(`nav a[href="/lessons/${e.lesson}/"] .al-progress-badge`).first();
    await expect.poll(() => badge.textContent(), { timeout: 30_000 }).toBe(`1/${inLesson} (1 of ${inLesson} exercises solved)`);
    expect(await exercise(page, e.id).locator("[data-role=state]").textContent()).toBe("✓ Solved");
    await page.goto(new URL("/", baseUrl()).href);
    const line = page.locator(`[data-lesson="${e.lesson}"] [data-role=progress]`);
    await expect.poll(() => line.textContent(), { timeout: 30_000 }).toBe(`1 of ${inLesson} exercises solved`);
    // Readable on the card's hover tint too (the accent on it was 4.48:1 in the light theme).
    await page.locator(`[data-lesson="${e.lesson}"] a`).hover();
    expect(await axeViolations(page, ["color-contrast"])).toEqual([]);
    await page.getByRole("button", { name: "Clear my progress" }).click();
    await page.getByRole("button", { name: "Yes, clear it" }).click();
    await expect.poll(() => line.textContent(), { timeout: 10_000 }).toBe(`0 of ${inLesson} exercises solved`);
    // The buttons are gone; the focus is on the first lesson, not on a heading's anchor above the list.
    expect(await page.evaluate(() => document.activeElement === document.querySelector(".al-lessons a[href]"))).toBe(true);
    expect(await page.evaluate(() => localStorage.getItem("async-lab:progress"))).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("sets a corrupt progress record aside with a message, and the page works", async () => {
    const context = await fresh();
    const e = byId.get("overlap-the-waits")!;
    const { page, errors } = await openPage(context, "/");
    await page.evaluate(() => localStorage.setItem("async-lab:progress", '{"version":1,"solved":[1,2'));
    await page.goto(new URL(`/lessons/${e.lesson}/`, baseUrl()).href);
    const ex = exercise(page, e.id);
    await expect.poll(() => ex.locator("[data-role=state]").textContent(), { timeout: 30_000 }).toMatch(/could not be read, so it was set aside/);
    expect(await page.evaluate(() => localStorage.getItem("async-lab:progress:unreadable"))).toBe('{"version":1,"solved":[1,2');
    await run(ex);
    expect(await verdicts(ex)).toContain("✗");
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("links", () => {
  it("reaches an exercise by its deep link, and shows it alone, working, on its embed page", async () => {
    const context = await fresh();
    const e = byId.get("overlap-the-waits")!;
    const { page } = await openPage(context, `/lessons/${e.lesson}/#${e.id}`);
    await page.waitForTimeout(300);
    const top = await exercise(page, e.id).evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(-5);
    expect(top).toBeLessThan(300);
    await page.goto(new URL(`/embed/${e.id}/`, baseUrl()).href);
    expect(await page.locator("header, nav").count()).toBe(0);
    const ex = exercise(page, e.id);
    await ex.locator("al-playground.al-ready").waitFor();
    await run(ex);
    expect(await verdicts(ex)).toContain("✗");
    expect(await page.locator(".al-embed-source a").getAttribute("href")).toBe(`/lessons/${e.lesson}/#${e.id}`);
    await context.close();
  });
});

