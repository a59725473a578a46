import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";

// The runtime's modules import each other in cycles (a loop makes tasks, a
// task is a future, a future asks its loop's session). A class that extends
// one defined further round a cycle is only safe if the base is evaluated
// first whichever module a program happens to import first.
const root = fileURLToPath(new URL("../../../src/runtime/", import.meta.url));
const modules = readdirSync(root, { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
  .sort();

describe("the runtime's modules", () => {
  it("are more than a handful (the listing found them)", () => {
    expect(modules.length).toBeGreaterThan(50);
    expect(modules).toContain("core/future.ts");
  });

  it.each(modules)("can be the first one a program imports: %s", async (file) => {
    vi.resetModules();
    await expect(import(/* @vite-ignore */ `${root}${file}`)).resolves.toBeDefined();
    // ...and the runtime then works: a gather of tasks (Future subclasses) runs to the end.
    const { runMain } = await import("./helpers.ts");
    const { asyncio, Coroutine } = await import("../../../src/runtime/index.ts");
    const result = runMain(function* () {
      const child = (n: number) =>
        new Coroutine(
          (function* () {
            yield asyncio.sleep(n);
            return n;
          })(),
          "child",
        );
      return yield asyncio.gather(child(1), child(2));
    });
    expect(result).toEqual([1, 2]);
  });
});
