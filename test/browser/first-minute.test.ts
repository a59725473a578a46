/**
 * What a newcomer meets in the first minute, on the production build (two
 * of these bugs showed only there): every lesson reachable from the home
 * page, whose own example runs; completion and signature help in the
 * editor; runtime names (not minified ones) on the timeline; a click into
 * the code edits it there; Ctrl/Cmd+Enter whenever the playground has
 * focus; output at its loop time, not after playback's dwell, and never
 * taken back; a remembered speed; a timeline with room (full screen,
 * labels that say what matters, a phone layout); type errors in the
 * output; the editor's popups above the page; no local address in the
 * built pages; the Python marked as the lesson's once the code changed.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, baseUrl, launch, openPage, outputText, runPlayground } from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function fresh(viewport = { width: 1280, height: 900 }): Promise<BrowserContext> {
  return browser.newContext({ viewport });
}

/** Opens the editor by clicking into the code, moves to the end, and types `text` on a new line. */
async function typeAtEnd(page: Page, id: string, text: string): Promise<void> {
  const pg = page.locator(`al-playground[data-id="${id}"]`);
  await pg.locator("[data-role=code]").click();
  const lines = pg.locator(".monaco-editor .view-lines");
  await lines.waitFor({ timeout: 90_000 });
  // The editor's TypeScript service is up (completion, squiggles and hovers come from it).
  await pg.locator('[data-role=editor][data-types="ready"]').waitFor({ timeout: 90_000 });
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type(text);
}

describe("the home page", () => {
  it("links every lesson with its goal, and its example runs", async () => {
    const context = await fresh();
    const { page, errors } = await openPage(context, "/");
    const links = page.locator(".al-lessons a");
    expect(await links.count()).toBe(6);
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(hrefs).toEqual(["/lessons/01-why-async/", "/lessons/02-basics/", "/lessons/03-scraper/", "/lessons/04-patterns-and-pitfalls/", "/lessons/05-advanced/", "/lessons/06-conclusion/"]);
    expect(await links.nth(3).textContent()).toContain("Bound the number of requests in flight");
    const { output, status } = await runPlayground(page, "brew");
    expect(status).toMatch(/^Finished/);
    await expect.poll(() => outputText(page, "brew"), { timeout: 10_000 }).toBe("start tea\nstart coffee\ncoffee ready\ntea ready\n");
    expect(output.startsWith("start tea\nstart coffee\n")).toBe(true);
    await links.nth(4).click();
    await page.waitForURL(/\/lessons\/05-advanced\/$/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("builds no link to a local server: no localhost in the canonical link, og:url or anywhere in the page", async () => {
    const context = await fresh();
    for (const path of ["/", "/lessons/02-basics/", "/play/"]) {
      const res = await context.request.get(new URL(path, baseUrl()).href);
      const html = await res.text();
      expect(html, path).not.toContain("localhost");
      expect(html, path).not.toMatch(/<link rel="canonical" href="http:\/\/127\.0\.0\.1/);
    }
    await context.close();
  });
});

describe("the editor", () => {
  it("offers the runtime's names with their docs after `asyncio.`, and signature help inside a call", async () => {
    const context = await fresh();
    const { page, errors } = await openPage(context, "/play/");
    await typeAtEnd(page, "play", "asyncio.");
    const suggest = page.locator(".monaco-editor .suggest-widget");
    await expect.poll(() => suggest.isVisible(), { timeout: 60_000 }).toBe(true);
    // The list is long (and drawn a screenful at a time): a letter narrows it to gather and its neighbours.
    await page.keyboard.type("g");
    await expect.poll(() => suggest.locator(".monaco-list-row").allTextContents(), { timeout: 30_000 }).toEqual(expect.arrayContaining([expect.stringContaining("gather")]));
    // Ctrl+Space on the same word opens the same list, with the doc comment of the focused item.
    await page.keyboard.type("ath");
    await expect.poll(() => suggest.locator(".monaco-list-row.focused").textContent(), { timeout: 30_000 }).toContain("gather");
    await page.keyboard.press("Escape");
    await page.keyboard.press("Control+Space");
    await expect.poll(() => suggest.isVisible(), { timeout: 30_000 }).toBe(true);
    await page.keyboard.press("Control+Space"); // a second press shows the details (the doc comment)
    await expect.poll(() => page.locator(".monaco-editor .suggest-details").textContent(), { timeout: 30_000 }).toMatch(/gather/);
    await page.keyboard.press("Enter");
    await page.keyboard.type("(");
    await expect.poll(() => page.locator(".monaco-editor .parameter-hints-widget").textContent(), { timeout: 30_000 }).toContain("gather(");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("offers the list for a \".\" typed before the TypeScript service was up, once it is", async () => {
    const context = await fresh();
    const { page } = await openPage(context, "/play/");
    const pg = page.locator('al-playground[data-id="play"]');
    await pg.locator("[data-role=code]").click();
    await pg.locator(".monaco-editor .view-lines").waitFor({ timeout: 90_000 });
    // At once, as a quick learner would: the service may not answer yet.
    await page.keyboard.press("Control+End");
    await page.keyboard.type("\nasyncio.");
    await expect.poll(() => page.locator(".monaco-editor .suggest-widget").isVisible(), { timeout: 60_000 }).toBe(true);
    await context.close();
  });

  it("opens where the learner clicks in the code, with the cursor there", async () => {
    const context = await fresh();
    const { page } = await openPage(context, "/lessons/02-basics/");
    const pg = page.locator('al-playground[data-id="greeters"]');
    // The word "sleep" on line 6 (`  await asyncio.sleep(1); ...`): click on its "s".
    const token = pg.locator(".ec-line").nth(5).getByText("sleep", { exact: true });
    await token.scrollIntoViewIfNeeded();
    const box = await token.boundingBox();
    expect(box).not.toBeNull();
    await page.mouse.click(box!.x + 2, box!.y + box!.height / 2);
    await pg.locator(".monaco-editor .view-lines").waitFor({ timeout: 90_000 });
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest(".monaco-editor") !== null), { timeout: 30_000 }).toBe(true);
    await page.keyboard.type("X");
    await expect.poll(() => page.evaluate(() => JSON.parse(localStorage.getItem("async-lab:edit:greeters") ?? "{}").code ?? ""), { timeout: 30_000 }).toContain("await asyncio.Xsleep(1);");
    await context.close();
  });

  it("shows type errors before the run's output, with their line, and still runs the program", async () => {
    const context = await fresh();
    const { page } = await openPage(context, "/play/");
    await typeAtEnd(page, "play", 'const n: number = "three";\nprint("ran anyway");');
    // Give the TypeScript service a moment to see the edit, as the squiggle does.
    await expect.poll(() => page.locator(".monaco-editor .squiggly-error").count(), { timeout: 60_000 }).toBeGreaterThan(0);
    const { status } = await runPlayground(page, "play");
    expect(status).toMatch(/1 type error shown above the output: the program ran anyway/);
    const first = page.locator('al-playground[data-id="play"] [data-role=output] li').first();
    expect(await first.textContent()).toMatch(/TS2322line 17Type error: Type 'string' is not assignable to type 'number'/);
    await expect.poll(() => outputText(page, "play"), { timeout: 30_000 }).toContain("ran anyway\n");
    await context.close();
  });

  it("keeps its hover popup above the lesson's side column", async () => {
    const context = await fresh();
    const { page } = await openPage(context, "/lessons/02-basics/");
    // A name far to the right of a long line, so its hover reaches over the "On this page" column.
    await typeAtEnd(page, "greeters", `const aNameLongEnoughToPushTheNextWordFarToTheRight = asyncio.sleep;`);
    await page.keyboard.press("Escape");
    const line = page.locator('al-playground[data-id="greeters"] .view-line').filter({ hasText: "aNameLongEnough" });
    const spanBox = () =>
      line.evaluate((el) => {
        const span = [...el.querySelectorAll("span")].find((s) => s.children.length === 0 && /asyncio/.test(s.textContent ?? ""));
        const r = span?.getBoundingClientRect();
        return r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
      });
    // The line is tokenized again as the language service answers: wait until the name's box holds still.
    const seen: { box: Awaited<ReturnType<typeof spanBox>> } = { box: null };
    await expect
      .poll(async () => {
        const before = seen.box;
        seen.box = await spanBox();
        return seen.box !== null && JSON.stringify(seen.box) === JSON.stringify(before);
      }, { timeout: 30_000, interval: 200 })
      .toBe(true);
    const box = seen.box!;
    await page.mouse.move(box.x + 4, box.y + box.height / 2);
    const hoverBox = () =>
      page.evaluate(() => {
        const h = [...document.querySelectorAll(".monaco-hover")].find((x) => !x.classList.contains("hidden") && x.getBoundingClientRect().width > 0);
        const r = h?.getBoundingClientRect();
        return r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
      });
    await expect.poll(hoverBox, { timeout: 60_000 }).not.toBeNull();
    const hb = (await hoverBox())!;
    const toc = await page.locator(".right-sidebar").first().boundingBox();
    expect(toc).not.toBeNull();
    expect(hb.x + hb.width, "the hover reaches the TOC column").toBeGreaterThan(toc!.x + 10);
    // Every point of the hover that lies over the TOC column shows the hover, not the TOC.
    const x = Math.max(toc!.x + 5, hb.x + 5);
    const covered = await page.evaluate(
      ({ x, y0, y1 }) => {
        const out: boolean[] = [];
        for (let y = y0; y < y1; y += 8) out.push(document.elementFromPoint(x, y)?.closest(".monaco-hover") !== null);
        return out;
      },
      { x, y0: hb.y + 4, y1: hb.y + hb.height - 4 },
    );
    expect(covered.length).toBeGreaterThan(0);
    expect(covered.every(Boolean)).toBe(true);
    await context.close();
  });
});

describe("running", () => {
  it("runs with Ctrl+Enter from the static code and after a click in the output", async () => {
    const context = await fresh();
    const { page } = await openPage(context, "/lessons/02-basics/");
    const pg = page.locator('al-playground[data-id="greeters"]');
    await pg.locator("[data-role=code]").focus();
    await page.keyboard.press("Control+Enter");
    await expect.poll(() => outputText(page, "greeters"), { timeout: 30_000 }).toContain("Ada says hello");
    // Nothing focused, but the learner last clicked in this playground's output.
    await pg.locator("[data-role=output]").click();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await pg.locator("[data-role=output]").evaluate((el) => el.replaceChildren());
    await page.keyboard.press("Control+Enter");
    await expect.poll(() => outputText(page, "greeters"), { timeout: 30_000 }).toContain("Ada says hello");
    // The static code never turned into the editor for a keyboard run.
    expect(await pg.locator(".monaco-editor").count()).toBe(0);
    await context.close();
  });

  it("shows lines printed at 0 s at once, later lines at their loop time, and never hides a line it showed", async () => {
    const context = await fresh();
    const { page } = await openPage(context, "/lessons/02-basics/");
    const pg = page.locator('al-playground[data-id="greeters"]');
    await pg.locator(".al-pg-actions").waitFor();
    // Watch every frame: when each line of this run first shows, and whether a shown line ever hides again.
    await page.evaluate(() => {
      type Watch = { shown: Record<string, number>; hiddenAgain: number; clickAt: number; old: Set<Element>; seen: WeakSet<Element> };
      const w = window as unknown as { watch: Watch };
      w.watch = { shown: {}, hiddenAgain: 0, clickAt: 0, old: new Set(), seen: new WeakSet() };
      const list = document.querySelector('al-playground[data-id="greeters"] [data-role=output]')!;
      const frame = () => {
        for (const li of list.querySelectorAll<HTMLLIElement>("li[data-item]")) {
          const visible = !li.hasAttribute("data-hidden") && li.getClientRects().length > 0;
          if (visible && !w.watch.old.has(li) && !(`${li.dataset.line}` in w.watch.shown)) w.watch.shown[`${li.dataset.line}`] = performance.now() - w.watch.clickAt;
          if (visible) w.watch.seen.add(li);
          else if (w.watch.seen.has(li)) w.watch.hiddenAgain++;
        }
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    const firstLine: number[] = [];
    for (let run = 0; run < 6; run++) {
      await page.evaluate(() => {
        const w = window as unknown as { watch: { shown: Record<string, number>; clickAt: number; old: Set<Element> } };
        w.watch.shown = {};
        w.watch.old = new Set(document.querySelectorAll('al-playground[data-id="greeters"] [data-role=output] li'));
        w.watch.clickAt = performance.now();
        document.querySelector<HTMLElement>('al-playground[data-id="greeters"] [data-action=run]')!.click();
      });
      await expect.poll(() => page.evaluate(() => Object.keys((window as unknown as { watch: { shown: object } }).watch.shown).length), { timeout: 30_000 }).toBe(5);
      const shown = await page.evaluate(() => (window as unknown as { watch: { shown: Record<string, number> } }).watch.shown);
      firstLine.push(shown["0"]);
      // "hello" lines are at 0 s; "goodbye" at 1 s: a second later at 1×.
      expect(shown["2"] - shown["0"], `run ${run}: goodbye after hello`).toBeGreaterThan(800);
      expect(shown["2"] - shown["0"]).toBeLessThan(1600);
    }
    expect(await page.evaluate(() => (window as unknown as { watch: { hiddenAgain: number } }).watch.hiddenAgain), "a shown line hidden again").toBe(0);
    // The first line: within a blink of the click (the run itself takes a few ms), not after playback's dwell.
    firstLine.sort((a, b) => a - b);
    expect(firstLine[Math.floor(firstLine.length / 2)]).toBeLessThan(250);
    await context.close();
  });

  it("remembers the chosen speed, Instant included, across playgrounds and reloads", async () => {
    const context = await fresh();
    const { page } = await openPage(context, "/lessons/02-basics/");
    await runPlayground(page, "greeters");
    const speed = page.locator('al-playground[data-id="greeters"] .al-tl-speed select');
    await speed.waitFor({ timeout: 30_000 });
    await speed.selectOption("instant");
    await page.reload();
    await runPlayground(page, "greeters-in-turn");
    // Instant: every line at once, though the program runs for 2 s of loop time.
    expect(await page.locator('al-playground[data-id="greeters-in-turn"] [data-role=output] li[data-hidden]').count()).toBe(0);
    await expect.poll(() => page.locator('al-playground[data-id="greeters-in-turn"] .al-tl-speed select').inputValue(), { timeout: 30_000 }).toBe("instant");
    await context.close();
  });
});

describe("the timeline", () => {
  it("names executor jobs by the runtime's names, not the bundle's minified ones", async () => {
    const context = await fresh();
    const { page } = await openPage(context, "/lessons/05-advanced/");
    await runPlayground(page, "to-thread");
    const svg = page.locator('al-playground[data-id="to-thread"] svg.al-tl-svg');
    await expect.poll(() => svg.locator("text").allTextContents(), { timeout: 30_000 }).toEqual(expect.arrayContaining(["requests.get()"]));
    const texts = await svg.locator("text").allTextContents();
    expect(texts.filter((t) => /^(thread: )?[A-Za-z_$][\w$]{0,2}\(\)$/.test(t))).toEqual([]);
    await context.close();
  });

  it("goes full screen and back with Esc, and its labels say what matters in the room they have", async () => {
    const context = await fresh();
    const { page } = await openPage(context, "/lessons/04-patterns-and-pitfalls/");
    const pg = page.locator('al-playground[data-id="semaphore"]');
    await runPlayground(page, "semaphore");
    const tl = pg.locator(".al-tl");
    await tl.locator(".al-tl-speed select").selectOption("instant");
    // In the column, the semaphore's label keeps the number that matters: how many wait.
    const sem = tl.locator('svg.al-tl-svg g[data-lane^="prim"] text');
    await expect.poll(() => sem.allTextContents(), { timeout: 30_000 }).toEqual(expect.arrayContaining([expect.stringMatching(/^7 (waiting|w)$|· 7 waiting$/)]));
    expect((await sem.allTextContents()).some((t) => t.endsWith("…") && !/waiting|\d w$/.test(t))).toBe(false);
    // Full screen: the timeline fills the window; the lanes use its width.
    const before = (await tl.locator(".al-tl-scroller").boundingBox())!.width;
    await tl.getByRole("button", { name: "Full screen" }).click();
    await expect.poll(async () => (await tl.boundingBox())!.width, { timeout: 10_000 }).toBe(1280);
    await expect.poll(async () => (await tl.locator(".al-tl-scroller").boundingBox())!.width, { timeout: 10_000 }).toBeGreaterThan(before + 300);
    expect(await tl.getAttribute("role")).toBe("dialog");
    // On top of everything: the header, the sidebars and the "On this page" list are behind it.
    const onTop = await tl.evaluate((root) =>
      [
        [20, 20],
        [150, 300],
        [1200, 120],
        [640, 850],
      ].every(([x, y]) => root.contains(document.elementFromPoint(x, y))),
    );
    expect(onTop).toBe(true);
    // Lanes redrawn for the new width: the whole run still fits (no horizontal scroll at zoom 1).
    await expect.poll(() => tl.locator(".al-tl-scroller").evaluate((el) => el.scrollWidth - el.clientWidth), { timeout: 10_000 }).toBeLessThanOrEqual(1);
    await page.keyboard.press("Escape");
    await expect.poll(async () => (await tl.locator(".al-tl-scroller").boundingBox())!.width, { timeout: 10_000 }).toBeLessThan(before + 5);
    expect(await tl.getAttribute("role")).toBeNull();
    // The end label stays clear of the playhead's handle at the end of the run.
    const end = tl.locator("svg.al-tl-svg text").filter({ hasText: /^end / });
    const handle = tl.locator('svg.al-tl-svg g[data-layer="playhead"] path').first();
    const eb = (await end.boundingBox())!;
    const hb = (await handle.boundingBox())!;
    expect(eb.x).toBeGreaterThanOrEqual(hb.x + hb.width);
    await context.close();
  });

  it("keeps a readable plot on a phone: the lanes scroll sideways and the status is not cut", async () => {
    const context = await fresh({ width: 390, height: 844 });
    const { page } = await openPage(context, "/lessons/05-advanced/");
    await runPlayground(page, "to-thread");
    const tl = page.locator('al-playground[data-id="to-thread"] .al-tl');
    const scroller = tl.locator(".al-tl-scroller");
    await scroller.waitFor({ timeout: 30_000 });
    const geometry = await scroller.evaluate((el) => ({ view: el.clientWidth, width: el.scrollWidth }));
    const labelW = await tl.evaluate((el) => Number(el.querySelector("svg.al-tl-svg g[data-layer=labels] rect")?.getAttribute("width")));
    expect(labelW).toBeLessThan(110);
    expect(geometry.width - labelW, "plot width").toBeGreaterThanOrEqual(300);
    const status = page.locator('al-playground[data-id="to-thread"] [data-role=status]');
    expect(await status.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    const clock = tl.locator(".al-tl-clock");
    expect(await clock.evaluate((el) => el.getBoundingClientRect().right <= document.documentElement.clientWidth)).toBe(true);
    await context.close();
  });
});

describe("the Python beside the code", () => {
  it("says it is the lesson's once the code was changed", async () => {
    const context = await fresh();
    const { page } = await openPage(context, "/lessons/02-basics/");
    const pg = page.locator('al-playground[data-id="greeters"]');
    const summary = pg.locator(".al-pg-python summary");
    expect(await summary.textContent()).toBe("The Python it stands for");
    expect(await pg.locator("[data-role=python-note]").isHidden()).toBe(true);
    await typeAtEnd(page, "greeters", "// mine");
    await expect.poll(() => summary.textContent(), { timeout: 30_000 }).toContain("lesson's code");
    await summary.click();
    expect(await pg.locator("[data-role=python-note]").isVisible()).toBe(true);
    await pg.locator("[data-action=reset]").click();
    expect(await summary.textContent()).toBe("The Python it stands for");
    await context.close();
  });
});

describe("the dark theme", () => {
  it.each(["/", "/lessons/02-basics/", "/embed/predict-the-greeters/"])("has no axe violations on %s after its playgrounds ran (current lines, hints and a solution shown)", async (path) => {
    const context = await browser.newContext({ colorScheme: "dark", viewport: { width: 1280, height: 900 } });
    const { page, errors } = await openPage(context, path);
    await page.locator("al-playground.al-ready").first().waitFor();
    for (const skip of await page.locator("[data-action=skip-prediction]").all()) await skip.click();
    const ids = (await page.locator("al-playground").evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id as string))).slice(0, 3);
    for (const id of ids) await runPlayground(page, id);
    // The last one's playhead marks a line of its code, as during playback.
    const last = page.locator(`al-playground[data-id="${ids[ids.length - 1]}"] .al-tl`);
    await last.locator("[aria-label='Skip to the end']").click();
    await last.locator("[aria-label='Previous event']").click();
    for (const b of (await page.locator("[data-action=next-hint]").all()).slice(0, 1)) await b.click();
    for (const b of (await page.locator("[data-action=solution]").all()).slice(0, 1)) await b.click();
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each(["dark", "light"] as const)("keeps every token of the lesson's code readable on the playhead's and the error's line tints, whichever line they mark (%s)", async (colorScheme) => {
    const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
    const { page } = await openPage(context, "/lessons/02-basics/");
    await page.locator("al-playground.al-ready").first().waitFor();
    // Every line of every example marked at once, as the playhead marks one at a time.
    const marked = await page.locator("al-playground [data-role=static] .ec-line").evaluateAll((lines) => {
      for (const l of lines) l.classList.add("al-mark-current");
      return lines.length;
    });
    expect(marked).toBeGreaterThan(50);
    expect(await axeViolations(page, ["color-contrast"])).toEqual([]);
    // And as an error's line is marked.
    await page.locator("al-playground [data-role=static] .ec-line").evaluateAll((lines) => {
      for (const l of lines) l.classList.replace("al-mark-current", "al-mark-error");
    });
    expect(await axeViolations(page, ["color-contrast"])).toEqual([]);
    await context.close();
  });
});

