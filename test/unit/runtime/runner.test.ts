// Messages are CPython 3.14's runners.py and events.py.
import { describe, expect, it } from "vitest";
import { asyncio, Coroutine, RuntimeError, Session, withSession } from "../../../src/runtime/index.ts";
import { runSnippet } from "../../../src/sandbox/run.ts";
import { runMain, thrown } from "./helpers.ts";

const caught = (f: () => unknown): unknown =>
  withSession(new Session(), () => {
    try {
      f();
    } catch (e) {
      return e;
    }
    throw new Error("expected an error");
  });

describe("Runner", () => {
  it("runs coroutines one after another on one loop and returns their results", () => {
    const got = withSession(new Session(), () => {
      const runner = new asyncio.Runner();
      const a = runner.run(new Coroutine((function* () { yield asyncio.sleep(1); return "a"; })(), "a"));
      const loop = runner.getLoop();
      const b = runner.run(new Coroutine((function* () { return loop.time(); })(), "b"));
      runner.close();
      return [a, b, loop.isClosed()];
    });
    expect(got).toEqual(["a", 1, true]);
  });

  it("says 'Runner is closed' once closed, and a second close() does nothing", () => {
    const e = caught(() => {
      const runner = new asyncio.Runner();
      runner.getLoop();
      runner.close();
      runner.close();
      runner.getLoop();
    });
    expect(e).toBeInstanceOf(RuntimeError);
    expect((e as Error).message).toBe("Runner is closed");
  });

  it("refuses what cannot be awaited with asyncio.run's TypeError", () => {
    const e = caught(() => new asyncio.Runner().run(42 as never));
    expect(e).toBeInstanceOf(TypeError);
    expect((e as Error).message).toBe("An asyncio.Future, a coroutine or an awaitable is required");
  });

  it("cannot run inside a running loop", () => {
    const e = runMain(() =>
      thrown(function* () {
        new asyncio.Runner().run(new Coroutine((function* () {})(), "inner"));
      }),
    );
    expect(e).toBeInstanceOf(RuntimeError);
    expect((e as Error).message).toBe("Runner.run() cannot be called from a running event loop");
  });

  it("is one run in the trace, however many run() calls it makes", () => {
    const r = runSnippet(`import * as asyncio from "asyncio";
async function step(n: number) { await asyncio.sleep(n); return n; }
{
  using runner = new asyncio.Runner();
  print(runner.run(step(1)), runner.run(step(2)));
}
`);
    expect(r.output.map((o) => o.text).join("")).toBe("1 2\n");
    expect(r.trace!.events().filter((e) => e.kind === "run.start" || e.kind === "run.end").map((e) => e.kind)).toEqual(["run.start", "run.end"]);
  });
});

describe("getEventLoop", () => {
  it("is the running loop inside a coroutine", () => {
    expect(runMain(function* () {
      return asyncio.getEventLoop() === asyncio.getRunningLoop();
      yield;
    })).toBe(true);
  });

  it("raises RuntimeError outside one, as CPython 3.14 does", () => {
    const e = caught(() => asyncio.getEventLoop());
    expect(e).toBeInstanceOf(RuntimeError);
    expect((e as Error).message).toBe("There is no current event loop in thread 'MainThread'.");
  });
});
