// gather waits for an awaitable given twice once, as CPython's `arg_to_fut` does: the results repeat, the work does not.
import { describe, expect, it } from "vitest";
import { asyncio, Coroutine } from "../../../src/runtime/index.ts";
import { runMain } from "./helpers.ts";

describe("gather with an awaitable given twice", () => {
  it("runs one coroutine given twice once, and gives its result in both places", () => {
    let runs = 0;
    const result = runMain(function* () {
      const c = new Coroutine(
        (function* () {
          runs++;
          yield asyncio.sleep(0);
          return 7;
        })(),
        "value",
      );
      return yield asyncio.gather(c, c);
    });
    expect(result).toEqual([7, 7]);
    expect(runs).toBe(1);
  });

  it("gives a finished task's result in both places, among many finished tasks", () => {
    const result = runMain(function* () {
      const tasks = Array.from({ length: 2000 }, (_, i) => asyncio.createTask(new Coroutine((function* () { return i; })(), "value")));
      yield asyncio.sleep(0);
      expect(tasks.every((t) => t.done())).toBe(true);
      return yield asyncio.gather(tasks[5], tasks[5], ...tasks);
    }) as number[];
    expect(result.slice(0, 3)).toEqual([5, 5, 0]);
    expect(result).toHaveLength(2002);
    expect(result[2001]).toBe(1999);
  });
});
