import { describe, expect, it } from "vitest";
import { expansions, fmtTime, slotWidth, tickLabel, ticks, tickStep, Warp } from "../../../src/components/timeline/scale.ts";
import { playbackWarp } from "../../../src/components/timeline/playback.ts";
import { speedForRun } from "../../../src/components/speed.ts";
import { buildModel } from "../../../src/components/timeline/model/model.ts";
import { exampleTrace } from "./helpers.ts";

describe("the warped time axis", () => {
  // Instants at 0 s (3 steps) and 1 s (2 steps), the run ending at 2 s, 0.1 per step.
  const warp = new Warp([0, 1], [0.3, 0.2], 2);

  it("is plain virtual time when no instant is spread", () => {
    const plain = new Warp([0, 1, 2.5], [0, 0, 0], 3);
    expect([plain.ofTime(0), plain.ofTime(1.7), plain.ofTime(3), plain.length]).toEqual([0, 1.7, 3, 3]);
    expect(plain.invert(1.7)).toEqual({ t: 1.7, i: -1, f: 0 });
  });

  it("inserts each instant's extra length where it happens, and shifts what follows", () => {
    expect(Array.from(warp.start)).toEqual([0, 1.3]);
    expect(warp.length).toBeCloseTo(2.5);
    expect(warp.at(0, 0.5)).toBeCloseTo(0.15);
    expect(warp.ofTime(0.5)).toBeCloseTo(0.8);
    expect(warp.ofTime(1)).toBeCloseTo(1.3);
    expect(warp.ofTime(1.5)).toBeCloseTo(2);
  });

  it("inverts a position to the instant and fraction it falls in, or to a time between instants", () => {
    const inside = warp.invert(0.15);
    expect([inside.t, inside.i]).toEqual([0, 0]);
    expect(inside.f).toBeCloseTo(0.5);
    const between = warp.invert(0.8);
    expect(between.i).toBe(-1);
    expect(between.t).toBeCloseTo(0.5);
    const later = warp.invert(2);
    expect(later.i).toBe(-1);
    expect(later.t).toBeCloseTo(1.5);
  });

  it("round-trips every time through ofTime and invert", () => {
    for (const t of [0.25, 0.5, 0.99, 1.2, 2]) expect(warp.invert(warp.ofTime(t)).t).toBeCloseTo(t);
  });

  it("finds the last instant at or before a time", () => {
    expect([warp.lastAtOrBefore(-1), warp.lastAtOrBefore(0), warp.lastAtOrBefore(0.9), warp.lastAtOrBefore(1), warp.lastAtOrBefore(9)]).toEqual([-1, 0, 0, 1, 1]);
  });

  it("spreads steps by a per-step width, capped per instant", () => {
    const instants = [
      { t: 0, slots: 3, first: 0, last: 5 },
      { t: 1, slots: 100, first: 6, last: 300 },
    ];
    expect(Array.from(expansions(instants, 0.1))).toEqual([0.30000000000000004, 10]);
    expect(Array.from(expansions(instants, 0.1, 1))).toEqual([0.30000000000000004, 1]);
  });

  it("gives instants at most about 60% of the axis, and all of it to a run that takes no time", () => {
    expect(slotWidth(10, 0)).toBe(0);
    expect(slotWidth(0, 12)).toBe(1);
    expect(slotWidth(10, 1000) * 1000).toBeCloseTo(6);
    expect(slotWidth(10, 2)).toBeCloseTo(0.35);
  });
});

describe("the axis ticks", () => {
  it("picks 1, 2 or 5 times a power of ten for the pixels available", () => {
    expect(tickStep(100, 90)).toBe(1);
    expect(tickStep(100, 150)).toBe(2);
    expect(tickStep(100, 400)).toBe(5);
    expect(tickStep(1000, 90)).toBeCloseTo(0.1);
    expect(tickStep(100_000, 90)).toBeCloseTo(0.001);
    expect(tickStep(0)).toBe(1);
  });

  it("lists tick times from the first multiple of the step, without float drift", () => {
    expect(ticks(0, 1, 0.2)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(ticks(0.35, 1.1, 0.5)).toEqual([0.5, 1]);
  });

  it("labels ticks with as many decimals as the step needs, in ms below a millisecond", () => {
    expect(tickLabel(2, 1)).toBe("2 s");
    expect(tickLabel(0.5, 0.5)).toBe("0.5 s");
    expect(tickLabel(0.25, 0.05)).toBe("0.25 s");
    expect(tickLabel(0.0004, 0.0001)).toBe("0.4 ms");
    expect(fmtTime(1)).toBe("1.000 s");
  });
});

describe("the playback axis", () => {
  it("gives every step of an instant a moment on screen, so the greeters' six steps play one after another", () => {
    const m = buildModel(exampleTrace("02-basics/greeters"));
    const w = playbackWarp(m.instants, m.endTime);
    // 1 s of loop time plus 0.25 s for each of the 3 steps at 0 s and at 1 s.
    expect(w.length).toBeCloseTo(2.5);
  });

  it("speeds up long runs by default, and plays huge ones instantly", () => {
    const defaultSpeed = (length: number) => speedForRun(1, length);
    expect(defaultSpeed(5)).toBe(1);
    expect(defaultSpeed(60)).toBe(4);
    expect(defaultSpeed(500)).toBe(8);
    expect(defaultSpeed(5000)).toBe("instant");
  });
});
