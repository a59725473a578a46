import { describe, expect, it } from "vitest";
import { compile } from "../../../src/sandbox/transform/compile.ts";

const nested = (depth: number) => `const x = ${"<any>(".repeat(depth)}1${")".repeat(depth)};\nprint(x);\n`;

describe("the parser's budget", () => {
  it("reads shallow type assertions as before", () => {
    expect(compile(nested(4)).ok).toBe(true);
  });

  it("gives up on deeply nested ones with a clear SyntaxError at their line, instead of backtracking for seconds", () => {
    for (const depth of [20, 40, 200]) {
      const r = compile(nested(depth));
      expect(r.ok, `depth ${depth}`).toBe(false);
      if (r.ok) continue;
      expect(r.error.name).toBe("SyntaxError");
      expect(r.error.message).toMatch(/takes too long to read.*\(x as T\)/);
      expect(r.error.line).toBe(1);
    }
  });

  it("leaves a long but plain program alone (the budget grows with the source)", () => {
    const long = Array.from({ length: 3000 }, (_, i) => `const v${i}: number = (${i} as number) + <number>(1);`).join("\n");
    expect(compile(long).ok).toBe(true);
  });
});
