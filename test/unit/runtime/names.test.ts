import { describe, expect, it } from "vitest";
import { asyncio, builtins, MODULES } from "../../../src/runtime/index.ts";
import { functionLabel, functionQualname, pyTypeName } from "../../../src/runtime/testing.ts";
import { runMain } from "./helpers.ts";

/** What a minifier does to a function's name (the site's bundle is minified). */
function minified<T extends object>(fn: T, name = "Oh"): T {
  Object.defineProperty(fn, "name", { value: name, configurable: true });
  return fn;
}

describe("names of the runtime's own functions", () => {
  it("come from the runtime, not from Function.name, which a minifier renames", () => {
    const get = MODULES.requests.get as () => unknown;
    const before = get.name;
    try {
      minified(get);
      expect(functionLabel(get)).toBe("requests.get");
      expect(functionQualname(get)).toBe("get");
    } finally {
      minified(get, before);
    }
  });

  it("name class methods and classes by their Python names", () => {
    const Event = MODULES.asyncio.Event as { new (): object; prototype: { set: () => void } };
    expect(functionLabel(Event.prototype.set)).toBe("asyncio.Event.set");
    expect(functionQualname(Event.prototype.set)).toBe("Event.set");
    const before = Event.name;
    try {
      minified(Event, "e");
      expect(pyTypeName(Object.create(Event.prototype))).toBe("Event");
    } finally {
      minified(Event, before);
    }
  });

  it("give the futures the runtime makes for a snippet Python's type names, minified or not", () => {
    const names = runMain(function* () {
      const loop = asyncio.getRunningLoop();
      const inner = loop.createFuture<number>();
      const shielded = asyncio.shield(inner);
      const job = loop.runInExecutor(null, () => 1);
      const gathered = asyncio.gather(loop.createFuture(), loop.createFuture());
      for (const f of [shielded, job, gathered]) minified(f.constructor, "x");
      const out = [pyTypeName(inner), pyTypeName(shielded), pyTypeName(job), pyTypeName(gathered)];
      inner.setResult(1);
      gathered.cancel();
      yield job;
      try {
        yield gathered;
      } catch {
        /* cancelled */
      }
      return out;
    });
    expect(names).toEqual(["Future", "Future", "Future", "_GatheringFuture"]);
  });

  it("leave the learner's functions their own names, and anonymous ones <lambda>", () => {
    function fetchAll() {}
    expect(functionLabel(fetchAll)).toBe("fetchAll");
    expect(functionLabel(() => 1)).toBe("<lambda>");
    expect(functionLabel(builtins.print)).toBe("print");
  });
});
