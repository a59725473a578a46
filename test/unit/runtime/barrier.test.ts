// Messages are CPython 3.14's (3.11 said "parties must be > 0"); checked with the Pyodide runner in tools/py314.
import { describe, expect, it } from "vitest";
import { asyncio, RuntimeError, ValueError } from "../../../src/runtime/index.ts";
import { runSnippet } from "../../../src/sandbox/run.ts";
import { runMain, thrown } from "./helpers.ts";

describe("Barrier", () => {
  it("refuses fewer than one party with ValueError('parties must be >= 1')", () => {
    for (const parties of [0, -1]) {
      const e = runMain(() =>
        thrown(function* () {
          new asyncio.Barrier(parties);
        }),
      );
      expect(e).toBeInstanceOf(ValueError);
      expect((e as Error).message).toBe("parties must be >= 1");
    }
  });

  it("refuses a count that is not a number as Python's comparison does", () => {
    const e = runMain(() =>
      thrown(function* () {
        new asyncio.Barrier("3" as never);
      }),
    );
    expect(e).toBeInstanceOf(TypeError);
    expect((e as Error).message).toBe("'<' not supported between instances of 'str' and 'int'");
  });

  it("raises BrokenBarrierError, a RuntimeError, in a wait on an aborted barrier", () => {
    const e = runMain(() =>
      thrown(function* () {
        const b = new asyncio.Barrier(2);
        yield b.abort();
        yield b.wait();
      }),
    );
    expect(e).toBeInstanceOf(asyncio.BrokenBarrierError);
    expect(e).toBeInstanceOf(RuntimeError);
    expect((e as Error).message).toBe("Barrier aborted");
  });

  it("is one lane on the timeline, kind 'barrier', its value the tasks still needed (its inner lock stays off)", () => {
    const r = runSnippet(`import * as asyncio from "asyncio";
const b = new asyncio.Barrier(2);
async function party() { await b.wait(); }
async function main() { await asyncio.gather(party(), party()); }
asyncio.run(main());
`);
    const trace = r.trace!;
    expect(trace.primitives).toEqual([{ id: expect.any(Number), kind: "barrier", label: "Barrier(2)" }]);
    const values = trace.events().filter((e) => e.kind === "prim").map((e) => (e.kind === "prim" ? [e.value, e.waiters] : []));
    expect(values[0]).toEqual([1, 0]);
    expect(values).toContainEqual([1, 1]);
  });
});
