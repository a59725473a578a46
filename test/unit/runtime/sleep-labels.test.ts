import { describe, expect, it } from "vitest";
import { runSnippet } from "../../../src/sandbox/run.ts";

const SLEEPS = `import * as asyncio from "asyncio";
async function main() {
  await asyncio.sleep(0.5);
  await asyncio.sleep(0.5);
  await asyncio.sleep(0.25);
  await asyncio.sleep(0);
  await asyncio.sleep(1);
}
asyncio.run(main());
`;

describe("the trace's sleep labels", () => {
  it("labels each timer and each step waiting on it with the sleep's own delay", () => {
    const t = runSnippet(SLEEPS).trace!;
    const labels = (kind: string) => {
      const out: string[] = [];
      for (let i = 0; i < t.count; i++) if (t.kindOf(i) === kind && (kind !== "step.end" || t.waitKind(i) === "sleep")) out.push(t.text(i));
      return out;
    };
    expect(labels("timer.set")).toEqual(["sleep 0.5 s", "sleep 0.5 s", "sleep 0.25 s", "sleep 1 s"]);
    expect(labels("step.end")).toEqual(["sleep 0.5 s", "sleep 0.5 s", "sleep 0.25 s", "sleep 1 s"]);
  });

  it("keeps one delay for a run of equal ones (a timer and the step that waits on it share it)", () => {
    const t = runSnippet(SLEEPS).trace!;
    expect(Array.from(t.columns.sleeps)).toEqual([0.5, 0.25, 1]);
  });
});
