import { describe, expect, it } from "vitest";
import { asyncio, RunAborted, Session, VirtualClock } from "../../../src/runtime/index.ts";
import { runMain } from "./helpers.ts";

/** A loop clock that remembers every time it moved forward. */
class RecordingClock extends VirtualClock {
  readonly moves: number[] = [];
  override advanceTo(t: number): void {
    if (t > this.now()) this.moves.push(t);
    super.advanceTo(t);
  }
}

describe("the loop clock a session injects", () => {
  it("is moved exactly to each timer's deadline, and read as loop time", () => {
    const clock = new RecordingClock();
    const session = new Session({ loopClock: () => clock });
    const times = runMain(function* () {
      const loop = asyncio.getRunningLoop();
      yield asyncio.sleep(1.5);
      const first = loop.time();
      yield asyncio.sleep(0.25);
      return [first, loop.time()];
    }, session);
    expect(times).toEqual([1.5, 1.75]);
    expect(clock.moves).toEqual([1.5, 1.75]);
    expect(session.lastTime).toBe(1.75);
  });

  it("is a new clock for each asyncio.run, so each run's loop time starts at 0", () => {
    let made = 0;
    const session = new Session({ loopClock: () => (made++, new VirtualClock()) });
    const ends = [1, 2].map((seconds) =>
      runMain(function* () {
        yield asyncio.sleep(seconds);
        return asyncio.getRunningLoop().time();
      }, session),
    );
    expect(ends).toEqual([1, 2]);
    expect(made).toBe(2);
  });
});

describe("the wall clock a session injects", () => {
  /** A wall clock the test moves by hand (milliseconds). */
  const fakeWall = () => ({ ms: 0, now(): number { return this.ms; } });

  it("stops a run at the first budget check after the time is up, which happens every 16,384 steps", () => {
    const wall = fakeWall();
    const session = new Session({ wallClock: wall, budgets: { maxWallMs: 1000 } });
    let iterations = 0;
    const run = () =>
      runMain(function* () {
        for (;;) {
          iterations++;
          wall.ms = iterations * 0.1; // 0.1 ms of "real time" per step: 1000 ms pass at step 10,000
          yield asyncio.sleep(0);
        }
      }, session);
    expect(run).toThrow(RunAborted);
    expect(session.aborted?.kind).toBe("wall");
    expect(session.aborted?.message).toBe("Time limit reached: the program ran for more than 1 s of real time.");
    expect(session.steps).toBe(16_384);
  });

  it("lets a run go on while the time is not up, however long it takes in steps", () => {
    const wall = fakeWall();
    const session = new Session({ wallClock: wall, budgets: { maxWallMs: 1000 } });
    const steps = runMain(function* () {
      for (let i = 0; i < 50_000; i++) {
        wall.ms = 1000; // exactly the budget: not more than it
        yield asyncio.sleep(0);
      }
      return "done";
    }, session);
    expect(steps).toBe("done");
    expect(session.aborted).toBeNull();
  });

  it("measures from when the session was made", () => {
    const wall = fakeWall();
    wall.ms = 5000;
    const session = new Session({ wallClock: wall, budgets: { maxWallMs: 1000 } });
    wall.ms = 5999;
    const result = runMain(function* () {
      for (let i = 0; i < 20_000; i++) yield asyncio.sleep(0);
      return "in time";
    }, session);
    expect(result).toBe("in time");
  });
});
