/**
 * The runtime against CPython: every scenario under oracle/ (the shared
 * oracle, CPython 3.11 checked against 3.14) and extra/ (ours, generated
 * the same way) is a Python program, its exact output, and a TypeScript
 * port; the port must print the same lines.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { oracleOutput, splitWarn } from "./harness.ts";

const here = new URL(".", import.meta.url).pathname;

describe("documented deviations", () => {
  it("exist only for scenarios listed in DEVIATIONS.md", () => {
    const listed = readFileSync(join(here, "DEVIATIONS.md"), "utf8");
    for (const dir of ["oracle", "extra"]) {
      for (const f of readdirSync(join(here, dir)).filter((x) => x.endsWith(".deviation.out"))) {
        expect(listed).toContain(`${dir}/${f.replace(/\.deviation\.out$/, "")}`);
      }
    }
  });
});

for (const dir of ["oracle", "extra"]) {
  const folder = join(here, dir);
  const ports = readdirSync(folder).filter((f) => f.endsWith(".ts")).sort();
  describe(`${dir} scenarios`, () => {
    it("has a port for every Python scenario", () => {
      const py = readdirSync(folder).filter((f) => f.endsWith(".py")).map((f) => f.replace(/\.py$/, ".ts"));
      expect(ports).toEqual(py.sort());
    });
    for (const file of ports) {
      const deviation = join(folder, file.replace(/\.ts$/, ".deviation.out"));
      const documented = existsSync(deviation);
      it(`${file} prints what CPython prints${documented ? " (but for a deviation in DEVIATIONS.md)" : ""}`, () => {
        const expected = readFileSync(documented ? deviation : join(folder, file.replace(/\.ts$/, ".out")), "utf8");
        const { text, error } = oracleOutput(readFileSync(join(folder, file), "utf8"));
        const got = splitWarn(text);
        const want = splitWarn(expected);
        expect({ lines: got.lines, error }).toEqual({ lines: want.lines, error: null });
        expect(got.warns).toEqual(want.warns);
      });
    }
  });
}
