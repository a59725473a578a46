/**
 * The runtime's boundary: code outside src/runtime reaches it through its
 * entries only (src/runtime/index.ts says which, and for whom), never
 * through a deeper path, so the runtime can rearrange its own files.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(new URL("../../../", import.meta.url).pathname);

/** Each entry, and who may import it (a path prefix, relative to the repository). */
const ENTRIES: Record<string, readonly string[]> = {
  // The page reads traces through trace-api.ts only; the rest of the runtime is for the sandbox, the terminal, benchmarks and tests.
  "src/runtime/index.ts": ["src/sandbox/", "test/", "bench/", "bin/"],
  "src/runtime/trace-api.ts": [""],
  "src/runtime/builtins.ts": ["src/sandbox/snippet-env.d.ts"],
  "src/runtime/testing.ts": ["test/"],
};

const SCANNED = ["src", "test", "bench", "bin", "integrations"];
const SKIPPED_DIRS = new Set(["node_modules", "dist", ".astro", "runtime-fixtures"]);
const EXTENSIONS = /\.(ts|mts|cts|tsx|js|mjs|cjs|astro|mdx)$/;
/** `import ... from "x"`, `export ... from "x"`, `import "x"`, `import("x")`. */
const SPECIFIER = /\b(?:import|export)\b(?:[\s\w{},*$]*?\bfrom)?\s*\(?\s*["']([^"']+)["']/g;

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (SKIPPED_DIRS.has(name)) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (EXTENSIONS.test(name)) out.push(p);
  }
  return out;
}

/** Every runtime path imported from outside src/runtime: [importing file, imported file], relative to the repository. */
function runtimeImports(): [string, string][] {
  const found: [string, string][] = [];
  const all = SCANNED.flatMap((d) => files(join(root, d))).concat(readdirSync(root).filter((f) => EXTENSIONS.test(f) && statSync(join(root, f)).isFile()).map((f) => join(root, f)));
  for (const file of all) {
    const from = relative(root, file);
    if (from.startsWith("src/runtime/")) continue;
    for (const m of readFileSync(file, "utf8").matchAll(SPECIFIER)) {
      const spec = m[1];
      if (!spec.startsWith(".")) continue;
      const target = relative(root, resolve(dirname(file), spec));
      if (target.startsWith("src/runtime/") || target === "src/runtime") found.push([from, target]);
    }
  }
  return found;
}

describe("the runtime's boundary", () => {
  const imports = runtimeImports();

  it("is crossed only through the runtime's entries, each by its own audience", () => {
    const outside = imports.filter(([from, target]) => !(ENTRIES[target] ?? []).some((prefix) => from.startsWith(prefix)));
    expect(outside).toEqual([]);
  });

  it("is crossed at all (the scan finds the sandbox's and the tests' imports)", () => {
    const importers = new Set(imports.map(([from]) => from));
    expect(importers).toContain("src/sandbox/run.ts");
    expect(importers).toContain("src/components/timeline/model/model.ts");
    expect(importers).toContain("test/unit/runtime/helpers.ts");
  });
});
