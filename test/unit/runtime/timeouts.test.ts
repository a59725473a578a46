// Behaviour is CPython 3.12+'s timeouts.py (3.11 did not insert the TimeoutError).
import { describe, expect, it } from "vitest";
import { asyncio, BaseException, CancelledError, RuntimeError, TimeoutError } from "../../../src/runtime/index.ts";
import { withBlock } from "../../../src/runtime/testing.ts";
import { runMain, thrown } from "./helpers.ts";

describe("timeout()", () => {
  it("raises TimeoutError with the CancelledError as both __cause__ and __context__", () => {
    const e = runMain(() =>
      thrown(function* () {
        yield* withBlock(asyncio.timeout(1), function* () {
          yield asyncio.sleep(5);
        });
      }),
    ) as BaseException;
    expect(e).toBeInstanceOf(TimeoutError);
    expect(e.__cause__).toBeInstanceOf(CancelledError);
    expect(e.__context__).toBe(e.__cause__);
  });

  it("splices a TimeoutError into the __context__ chain of an error the body raised instead of its CancelledError", () => {
    const e = runMain(() =>
      thrown(function* () {
        yield* withBlock(asyncio.timeout(1), function* () {
          try {
            yield asyncio.sleep(5);
          } catch (cancelled) {
            const converted = new RuntimeError("converted");
            converted.__context__ = cancelled; // what Python's implicit chaining does
            throw converted;
          }
        });
      }),
    ) as BaseException;
    expect(e).toBeInstanceOf(RuntimeError);
    const te = e.__context__ as BaseException;
    expect(te).toBeInstanceOf(TimeoutError);
    expect(te.__context__).toBeInstanceOf(CancelledError);
    expect(te.__cause__).toBe(te.__context__);
    expect((te.__context__ as BaseException).__context__).toBeNull();
  });

  it("leaves the chain of an error raised for another reason alone", () => {
    const e = runMain(() =>
      thrown(function* () {
        yield* withBlock(asyncio.timeout(1), function* () {
          yield asyncio.sleep(0.5);
          throw new RuntimeError("unrelated");
        });
      }),
    ) as BaseException;
    expect(e.__context__).toBeNull();
  });
});
