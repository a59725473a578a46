/**
 * The playground's promises, in a real browser: a hung snippet is stopped
 * and the next Run works; edits survive a reload; Reset restores the
 * lesson's code; a share link opens the shared code in a fresh browser
 * without running it or replacing the learner's edit; a corrupt link says
 * so; Run works from the keyboard alone; deep links reach their target.
 */
import LZString from "lz-string";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launch, openPage, outputText, runPlayground, runWithTimeline } from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const PLAY = "/play/";
const share = (id: string, code: string) => `${PLAY}?pg=${id}&code=${LZString.compressToEncodedURIComponent(code)}#pg-${id}`;

async function typeInEditor(page: Page, id: string, text: string): Promise<void> {
  const pg = page.locator(`al-playground[data-id="${id}"]`);
  await pg.locator("[data-action=edit]").click();
  // Monaco 0.5x takes typing through an EditContext element, not its
  // textarea: click into the text as a learner does.
  const lines = pg.locator(".monaco-editor .view-lines");
  await lines.waitFor({ timeout: 90_000 });
  await lines.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type(text);
}

describe("the playground", () => {
  it("stops a snippet that never yields, says so, and runs the next program on a fresh sandbox", async () => {
    const context = await browser.newContext();
    const { page, errors } = await openPage(context, share("play", "print('before');\nwhile (true) {}\n"));
    const { status, output } = await runPlayground(page, "play");
    expect(status).toMatch(/^Stopped after \d+ s of real time/);
    expect(output).toBe("");
    await page.locator("[data-action=drop-shared]").click();
    const next = await runPlayground(page, "play");
    expect(next.status).toMatch(/^Finished/);
    expect(next.output).toContain("['A', 'B', 'C']");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows shared code marked as shared, not run and not saved, in a fresh browser; the learner can keep it", async () => {
    const context = await browser.newContext();
    const code = 'print("hello from a shared link");\n';
    const { page, errors } = await openPage(context, share("play", code));
    const pg = page.locator('al-playground[data-id="play"]');
    await expect.poll(() => pg.locator("[data-role=badge]").textContent(), { timeout: 30_000 }).toBe("Shared code");
    expect(await pg.locator("[data-role=notice]").textContent()).toContain("has not run");
    expect(await pg.locator("[data-role=plain]").textContent()).toBe(code.trimEnd());
    expect(await outputText(page, "play")).toBe("");
    expect(await page.evaluate(() => localStorage.getItem("async-lab:edit:play"))).toBeNull();
    expect((await runPlayground(page, "play")).output).toBe("hello from a shared link\n");
    await pg.locator("[data-action=keep-shared]").click();
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem("async-lab:edit:play") ?? "{}").code)).toBe(code);
    expect(page.url()).not.toContain("code=");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("never replaces a saved edit with shared code without asking", async () => {
    const context = await browser.newContext();
    const { page } = await openPage(context, PLAY);
    await page.evaluate(() => localStorage.setItem("async-lab:edit:play", JSON.stringify({ code: "print('mine');\n", savedAt: 1 })));
    await page.goto(new URL(share("play", "print('theirs');\n"), baseUrl()).href);
    const pg = page.locator('al-playground[data-id="play"]');
    await expect.poll(() => pg.locator("[data-role=notice]").textContent(), { timeout: 30_000 }).toContain("your own saved edit is kept");
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem("async-lab:edit:play") ?? "{}").code)).toBe("print('mine');\n");
    await pg.locator("[data-action=drop-shared]").click();
    expect(await pg.locator("[data-role=plain]").textContent()).toBe("print('mine');");
    await context.close();
  });

  it("explains a corrupt or oversized share link and shows the usual code", async () => {
    const context = await browser.newContext();
    const { page, errors } = await openPage(context, `${PLAY}?pg=play&code=%%%not-lz%%%`);
    const pg = page.locator('al-playground[data-id="play"]');
    await expect.poll(() => pg.locator("[data-role=notice]").textContent(), { timeout: 30_000 }).toContain("could not be read");
    expect(await pg.locator("[data-role=badge]").isHidden()).toBe(true);
    await page.goto(new URL(`${PLAY}?pg=play&code=${"A".repeat(13_000)}`, baseUrl()).href);
    await expect.poll(() => pg.locator("[data-role=notice]").textContent(), { timeout: 30_000 }).toContain("too long");
    expect((await runPlayground(page, "play")).status).toMatch(/^Finished/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("keeps an edit across a reload, and Reset brings back the lesson's code", async () => {
    const context = await browser.newContext();
    const { page, errors } = await openPage(context, PLAY);
    await typeInEditor(page, "play", 'print("edited!");');
    await expect.poll(() => page.evaluate(() => localStorage.getItem("async-lab:edit:play") ?? ""), { timeout: 30_000 }).toContain("edited!");
    await page.reload();
    const pg = page.locator('al-playground[data-id="play"]');
    await expect.poll(() => pg.locator("[data-role=badge]").textContent(), { timeout: 30_000 }).toBe("Edited");
    expect(await pg.locator("[data-role=plain]").textContent()).toContain('print("edited!");');
    expect((await runPlayground(page, "play")).output).toContain("edited!\n");
    await pg.locator("[data-action=reset]").click();
    expect(await pg.locator("[data-role=badge]").isHidden()).toBe(true);
    expect(await page.evaluate(() => localStorage.getItem("async-lab:edit:play"))).toBeNull();
    expect((await runPlayground(page, "play")).output).not.toContain("edited!");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("saves the code before every Run, so a run that hangs loses nothing, and puts the last run's timeline away", async () => {
    const context = await browser.newContext();
    const { page } = await openPage(context, PLAY);
    const tl = (await runWithTimeline(page, "play")).locator(".al-tl");
    expect(await tl.isVisible()).toBe(true);
    await typeInEditor(page, "play", "while (true) {}");
    expect((await runPlayground(page, "play")).status).toMatch(/^Stopped after/);
    // Not the previous program's timeline beside this run's empty output.
    await expect.poll(() => tl.isHidden(), { timeout: 10_000 }).toBe(true);
    await page.reload();
    expect(await page.locator('al-playground[data-id="play"] [data-role=plain]').textContent()).toContain("while (true) {}");
    await context.close();
  });

  it("runs with the keyboard alone: Tab to Run and Enter, or Ctrl+Enter anywhere in the playground", async () => {
    const context = await browser.newContext();
    const { page } = await openPage(context, PLAY);
    const pg = page.locator('al-playground[data-id="play"]');
    await pg.locator(".al-pg-actions").waitFor();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action === "run")) break;
    }
    await page.keyboard.press("Enter");
    await expect.poll(() => outputText(page, "play"), { timeout: 30_000 }).toContain("['A', 'B', 'C']");
    await pg.locator("[data-action=reset]").focus({ timeout: 1000 }).catch(() => undefined);
    await page.evaluate(() => document.querySelector<HTMLElement>('al-playground[data-id="play"] [data-action=share]')?.focus());
    await page.locator('al-playground[data-id="play"] [data-role=output]').evaluate((el) => el.replaceChildren());
    await page.keyboard.press("Control+Enter");
    await expect.poll(() => outputText(page, "play"), { timeout: 30_000 }).toContain("['A', 'B', 'C']");
    await context.close();
  });

  it("scrolls heading and playground deep links to their target", async () => {
    const context = await browser.newContext();
    const { page } = await openPage(context, "/lessons/02-basics/");
    const heading = await page.locator(".sl-markdown-content h2[id]").nth(1).getAttribute("id");
    const pgId = await page.locator("al-playground").last().getAttribute("id");
    for (const anchor of [heading, pgId]) {
      await page.goto(new URL(`/lessons/02-basics/#${anchor}`, baseUrl()).href);
      await page.waitForTimeout(300);
      const top = await page.locator(`[id="${anchor}"]`).evaluate((el) => el.getBoundingClientRect().top);
      expect(top).toBeGreaterThanOrEqual(-5);
      expect(top).toBeLessThan(300);
    }
    await context.close();
  });

  it("shows one playground alone on its embed page, and it runs", async () => {
    const context = await browser.newContext();
    const { page, errors } = await openPage(context, "/embed/greeters/");
    expect(await page.locator("al-playground").count()).toBe(1);
    expect(await page.locator("header, nav").count()).toBe(0);
    expect((await runPlayground(page, "greeters")).status).toMatch(/^Finished/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("loads the home page and the playground page without console errors, and shows no empty notice", async () => {
    const context = await browser.newContext();
    for (const path of ["/", PLAY]) {
      const { page, errors, foreignRequests } = await openPage(context, path);
      await page.waitForLoadState("networkidle");
      expect(errors).toEqual([]);
      expect(foreignRequests).toEqual([]);
      if (path === PLAY) {
        const pg = page.locator('al-playground[data-id="play"]');
        await pg.locator(".al-pg-actions").waitFor();
        for (const role of ["notice", "error", "badge", "plain", "editor"]) expect(await pg.locator(`[data-role=${role}]`).isVisible(), role).toBe(false);
      }
      await page.close();
    }
    await context.close();
  });
});
