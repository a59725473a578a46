// Messages are those of CPython's C Future (_asyncio), which asyncio.Future is in CPython (checked with python3).
import { describe, expect, it } from "vitest";
import { InvalidStateError, Session, ValueError } from "../../../src/runtime/index.ts";
import { EventLoop } from "../../../src/runtime/testing.ts";

function newFuture() {
  return new EventLoop(new Session()).createFuture<number>();
}

describe("Future", () => {
  it("raises InvalidStateError('Result is not set.') for result() while pending", () => {
    const f = newFuture();
    expect(() => f.result()).toThrow(InvalidStateError);
    expect(() => f.result()).toThrow("Result is not set.");
    expect(() => f.exception()).toThrow("Exception is not set.");
  });

  it("raises InvalidStateError('invalid state') when a done future is given a result or an exception", () => {
    const f = newFuture();
    f.setResult(1);
    expect(() => f.setResult(2)).toThrow(InvalidStateError);
    expect(() => f.setResult(2)).toThrow(/^invalid state$/);
    expect(() => f.setException(new ValueError("x"))).toThrow(/^invalid state$/);
  });
});
