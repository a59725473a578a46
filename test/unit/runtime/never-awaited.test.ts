import { describe, expect, it } from "vitest";
import { Coroutine, Session, withSession } from "../../../src/runtime/index.ts";
import { UnstartedCoroutines } from "../../../src/runtime/testing.ts";

// Coroutines made outside the log (the session would log them itself), to drive one log by hand.
function coroutines(n: number): Coroutine[] {
  return withSession(new Session(), () => Array.from({ length: n }, (_, i) => new Coroutine((function* () {})(), `c${i}`)));
}

describe("the log of unstarted coroutines", () => {
  it("reports the coroutines never started, in creation order, across many blocks", () => {
    const log = new UnstartedCoroutines();
    const cs = coroutines(5000);
    for (const c of cs) log.add(c);
    // Start every third one (a gather wrapping them, an await), from the end backwards too.
    for (let i = cs.length - 1; i >= 0; i -= 3) log.remove(cs[i]);
    const expected = cs.filter((_, i) => (cs.length - 1 - i) % 3 !== 0).map((c) => c.qualname);
    expect(log.takeUnstarted().map((c) => c.qualname)).toEqual(expected);
    expect(log.takeUnstarted()).toEqual([]);
  });

  it("keeps creation order when a full log is compacted, and each coroutine's slot still finds it", () => {
    const log = new UnstartedCoroutines();
    const cs = coroutines(2200);
    // Two full blocks, then three in four of the first 2,000 start (holes, not the log's end)...
    for (const c of cs.slice(0, 2048)) log.add(c);
    cs.slice(0, 2000).forEach((c, j) => j % 4 !== 3 && log.remove(c));
    // ...so logging more finds the log full and mostly empty: it compacts.
    for (const c of cs.slice(2048)) log.add(c);
    // Slots were rewritten by the compaction: starting each moved one, in
    // reverse order, and some later ones must still take exactly them out.
    const startedLate = new Set([...cs.slice(0, 2000).filter((_, j) => j % 4 === 3), cs[2047], cs[2100]]);
    expect(startedLate.size).toBe(502);
    for (const c of [...startedLate].reverse()) log.remove(c);
    const expected = cs.filter((c, j) => j >= 2000 && !startedLate.has(c)).map((c) => c.qualname);
    expect(expected).toHaveLength(198);
    expect(log.takeUnstarted().map((c) => c.qualname)).toEqual(expected);
    for (const c of cs) {
      expect(c._slot).toBe(-1);
      expect(c.pausedLine).toBe(0);
    }
  });

  it("lets a coroutine go only once: removing it again, or after the log was read, changes nothing", () => {
    const log = new UnstartedCoroutines();
    const [a, b, c] = coroutines(3);
    log.add(a);
    log.add(b);
    log.add(c);
    log.remove(a);
    log.remove(a);
    expect(log.takeUnstarted()).toEqual([b, c]);
    log.remove(b);
    expect(log.takeUnstarted()).toEqual([]);
  });

  it("takes a coroutine started right after the next one was made off the end, keeping the one before it", () => {
    const log = new UnstartedCoroutines();
    const [a, b, c, d] = coroutines(4);
    for (const x of [a, b, c, d]) log.add(x);
    log.remove(c);
    expect(log.takeUnstarted()).toEqual([a, b, d]);
  });
});
