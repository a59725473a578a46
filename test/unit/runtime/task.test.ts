// Messages are CPython 3.14's (3.11 said "object int can't be used in 'await' expression").
import { describe, expect, it } from "vitest";
import { asyncio } from "../../../src/runtime/index.ts";
import { runMain, thrown } from "./helpers.ts";

describe("Task", () => {
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
