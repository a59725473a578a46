/**
 * Every lesson example runs through the snippet pipeline and prints exactly
 * its expected output (the browser tests check the same in the page).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runSnippet } from "../../src/sandbox/run.ts";

const root = "src/content/examples";
const examples = readdirSync(root).flatMap((lesson) =>
  readdirSync(join(root, lesson))
    .filter((f) => f.endsWith(".ts"))
    .map((f) => join(root, lesson, f)),
);

describe("lesson examples", () => {
  it("have unique names (they are the playgrounds' ids) and a Python counterpart and expected output each", () => {
    const ids = examples.map((f) => f.split("/").pop());
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of examples) {
      expect(readFileSync(f.replace(/\.ts$/, ".py"), "utf8").length, f).toBeGreaterThan(0);
      expect(readFileSync(f.replace(/\.ts$/, ".out"), "utf8").length, f).toBeGreaterThan(0);
    }
  });

  it.each(examples)("%s prints its expected output", (file) => {
    const r = runSnippet(readFileSync(file, "utf8"), { trace: false });
    const stdout = r.output.filter((o) => o.stream === "stdout").map((o) => o.text).join("");
    expect(stdout).toBe(readFileSync(file.replace(/\.ts$/, ".out"), "utf8"));
    expect(r.error?.kind ?? null).not.toBe("limit");
  });
});
