// Expected values are CPython's (checked with python3).
import { describe, expect, it } from "vitest";
import { ExceptionGroup, excStr, pyRepr, pyStr, ValueError } from "../../../src/runtime/index.ts";

describe("ExceptionGroup", () => {
  it("prints its message and the number of sub-exceptions under str()", () => {
    expect(pyStr(new ExceptionGroup("unhandled errors in a TaskGroup", [new ValueError("a")]))).toBe("unhandled errors in a TaskGroup (1 sub-exception)");
    expect(pyStr(new ExceptionGroup("boom", [new ValueError("a"), new ValueError("b")]))).toBe("boom (2 sub-exceptions)");
  });

  it("keeps the message and the count when split, as except* sees it", () => {
    const eg = new ExceptionGroup("unhandled errors in a TaskGroup", [new ValueError("a"), new TypeError("b")]);
    const [match] = eg.split(ValueError);
    expect(excStr(match)).toBe("ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)");
  });

  it("still shows its constructor arguments under repr()", () => {
    expect(pyRepr(new ExceptionGroup("boom", [new ValueError("a")]))).toBe("ExceptionGroup('boom', [ValueError('a')])");
  });
});
