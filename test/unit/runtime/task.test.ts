// Messages are CPython 3.14's (3.11 said "object int can't be used in 'await' expression").
import { describe, expect, it } from "vitest";
import { asyncio, Coroutine } from "../../../src/runtime/index.ts";
import { runMain, thrown } from "./helpers.ts";

describe("Task", () => {
  it("takes the message of the last cancel() call, none if that call gave none (CPython overwrites it each time)", () => {
    const messages = runMain(function* () {
      const out: unknown[] = [];
      for (const calls of [["a", "b"], ["a", null]] as const) {
        const t = asyncio.createTask(new Coroutine((function* () {})(), "work"));
        for (const msg of calls) t.cancel(msg);
        const e = yield* thrown(function* () {
          yield t;
        });
        out.push((e as Error).message, t.cancelling());
      }
      return out;
    });
    expect(messages).toEqual(["b", 2, "", 2]);
  });

  it("raises TypeError(\"'int' object can't be awaited\") at an await of a non-awaitable", () => {
    const e = runMain(() =>
      thrown(function* () {
        yield 5;
      }),
    );
    expect(e).toBeInstanceOf(TypeError);
    expect((e as Error).message).toBe("'int' object can't be awaited");
  });

  it("names a function's type when a function is awaited instead of called", () => {
    const e = runMain(() =>
      thrown(function* () {
        yield asyncio.sleep;
      }),
    );
    expect((e as Error).message).toBe("'function' object can't be awaited");
  });
});
