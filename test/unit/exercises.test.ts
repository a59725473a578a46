/**
 * Every exercise, through the snippet pipeline the page uses: its starter
 * fails at least one of its checks and its solution passes them all; each
 * lesson has at least two; ids are unique across the site (they are
 * anchors and storage keys); predictions are well formed.
 */
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkRun } from "../../src/checks/index.ts";
import { EXERCISES_DIR, loadExercises } from "../../src/sandbox/exercises.ts";
import { runSnippet } from "../../src/sandbox/run.ts";

const exercises = await loadExercises();
const lessons = readdirSync("src/content/docs/lessons").filter((f) => f.endsWith(".mdx")).map((f) => f.replace(/\.mdx$/, ""));
const exampleIds = readdirSync("src/content/examples").flatMap((l) => readdirSync(`src/content/examples/${l}`).filter((f) => f.endsWith(".ts")).map((f) => f.replace(/\.ts$/, "")));

const verdicts = (source: string, checks: (typeof exercises)[number]["checks"]) => checkRun(checks, runSnippet(source), source);

describe("the exercises", () => {
  it("live under src/content/exercises", () => {
    expect(EXERCISES_DIR).toMatch(/src\/content\/exercises\/$/);
    expect(exercises.length).toBeGreaterThanOrEqual(12);
  });

  it("number at least two in every lesson", () => {
    for (const lesson of lessons) expect(exercises.filter((e) => e.lesson === lesson).length, lesson).toBeGreaterThanOrEqual(2);
  });

  it("have ids unique across the site, apart from every example's", () => {
    const ids = exercises.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(exampleIds, id).not.toContain(id);
      expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
    }
  });

  it.each(exercises.map((e) => [e.id, e] as const))("%s: a statement, checks and hints; a well-formed prediction", (_, e) => {
    expect(e.title.length).toBeGreaterThan(0);
    expect(e.statement.length).toBeGreaterThan(20);
    expect(e.checks.length).toBeGreaterThan(0);
    expect(e.hints.length).toBeGreaterThan(0);
    if (e.predict?.kind === "choice") {
      expect(e.predict.answer).toBeGreaterThanOrEqual(0);
      expect(e.predict.answer).toBeLessThan(e.predict.options.length);
      expect(e.predict.explain.length).toBeGreaterThan(0);
    }
    if (e.predict?.kind === "order") {
      // The lines to put in order are exactly what the starter prints, listed in the order it prints them (the page shuffles them).
      const printed = runSnippet(e.starter).output.filter((o) => o.stream === "stdout").map((o) => o.text).join("").split("\n").filter(Boolean);
      expect([...e.predict.lines].sort()).toEqual([...printed].sort());
      expect([...e.predict.lines]).toEqual(printed);
    }
  });

  it.each(exercises.map((e) => [e.id, e] as const))("%s: the starter fails a check and the solution passes them all", (_, e) => {
    const starter = verdicts(e.starter, e.checks);
    expect(starter.solved, `${e.id} starter`).toBe(false);
    // It fails a check by what it does, not by not compiling or running away.
    expect(runSnippet(e.starter).error?.kind ?? "none", `${e.id} starter`).not.toMatch(/^(compile|limit)$/);
    const solution = verdicts(e.solution, e.checks);
    expect(solution.results.filter((r) => !r.pass).map((r) => `${r.goal}: ${r.seen}`), `${e.id} solution`).toEqual([]);
    expect(solution.solved).toBe(true);
  });
});
