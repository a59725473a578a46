import { describe, expect, it } from "vitest";
import { parseSpeed, speedForRun } from "../../../src/components/speed.ts";

describe("the playback speed", () => {
  it("reads only the speeds it offers", () => {
    expect(parseSpeed("instant")).toBe("instant");
    expect(parseSpeed("0.25")).toBe(0.25);
    expect(parseSpeed("8")).toBe(8);
    expect(parseSpeed("3")).toBeNull();
    expect(parseSpeed("<img>")).toBeNull();
    expect(parseSpeed(null)).toBeNull();
  });

  it("plays a run at the chosen speed, raised for a long run, Instant when even 8× takes too long", () => {
    expect(speedForRun(1, 5)).toBe(1);
    expect(speedForRun(0.5, 5)).toBe(0.5);
    expect(speedForRun(1, 60)).toBe(4);
    expect(speedForRun(8, 60)).toBe(8);
    expect(speedForRun(1, 500)).toBe(8);
    expect(speedForRun(1, 5000)).toBe("instant");
    expect(speedForRun("instant", 1)).toBe("instant");
  });
});
