import { describe, expect, it } from "vitest";
import { changes, diffLines } from "../../../src/components/exercise/diff.ts";
import { inlineMarkup } from "../../../src/components/exercise/inline.ts";
import { shuffled } from "../../../src/components/exercise/predict.ts";
import { parseProgress } from "../../../src/components/exercise/progress.ts";

describe("the solution's diff", () => {
  it("pairs changed lines, keeps common ones side by side, and puts added and removed ones on their side", () => {
    const rows = diffLines("a\nb\nc\nd\n", "a\nB\nc\nx\nd\n");
    expect(rows.map((r) => r.kind)).toEqual(["same", "changed", "same", "added", "same"]);
    expect(rows[1]).toEqual({ kind: "changed", left: "b", right: "B", leftNo: 2, rightNo: 2 });
    expect(changes(rows)).toBe(2);
    expect(diffLines("a\nb\n", "a\n").map((r) => r.kind)).toEqual(["same", "removed"]);
    expect(changes(diffLines("same\n", "same"))).toBe(0);
  });

  it("ignores trailing spaces", () => {
    expect(changes(diffLines("x  \ny", "x\ny"))).toBe(0);
  });
});

describe("exercise text", () => {
  it("renders `code` and **bold** and escapes everything else", () => {
    expect(inlineMarkup("use `gather(*aws)` **now** <b>&")).toBe("use <code>gather(*aws)</code> <strong>now</strong> &lt;b&gt;&amp;");
    expect(inlineMarkup("`<img onerror=x>`")).toBe("<code>&lt;img onerror=x&gt;</code>");
  });
});

describe("a prediction's starting order", () => {
  it("is a fixed shuffle of the lines, never the lines as given", () => {
    const lines = ["a", "b", "c", "d"];
    expect(shuffled(lines, "x")).toEqual(shuffled(lines, "x"));
    expect([...shuffled(lines, "x")].sort()).toEqual(lines);
    for (const seed of ["a", "b", "greeters", "predict-the-greeters", ""]) expect(shuffled(lines, seed)).not.toEqual(lines);
    expect(shuffled(["only"], "x")).toEqual(["only"]);
  });
});

describe("stored progress", () => {
  it("reads a good record and drops what does not belong in it", () => {
    const p = parseProgress(JSON.stringify({ version: 1, solved: { a: 5, b: "x" }, hints: { a: 2, b: -1 }, predictions: { a: { choice: 1 }, b: 3, c: { order: ["x"], times: [1, null] } } }));
    expect(p).toEqual({ version: 1, solved: { a: 5 }, hints: { a: 2 }, predictions: { a: { choice: 1 }, c: { order: ["x"], times: [1, null] } } });
  });

  it("refuses what is not a record of ours", () => {
    for (const raw of ["", "{", "null", "[]", '{"version":2,"solved":{},"hints":{},"predictions":{}}', '{"version":1,"solved":[]}']) expect(parseProgress(raw), raw).toBeNull();
  });
});
