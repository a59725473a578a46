import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildModel, buildModelInSlices, type Segment, type TaskLane } from "../../../src/components/timeline/model/model.ts";
import { LoopStateIndex } from "../../../src/components/timeline/state/loop-state.ts";
import { manyTasksSnippet } from "../../fixtures/many-tasks.ts";
import { eventsOf, exampleTrace, traceOf } from "./helpers.ts";

const taskLanes = (m: ReturnType<typeof buildModel>) => m.lanes.filter((l): l is TaskLane => l.kind === "task");
const time = (m: ReturnType<typeof buildModel>, order: number) => (order < eventsOf(m).length ? eventsOf(m)[order].t : m.endTime);
const shape = (m: ReturnType<typeof buildModel>, segs: readonly Segment[]) =>
  segs.map((s) => `${s.kind}${s.wait ? `(${s.wait.text})` : ""} ${time(m, s.from)}-${time(m, s.to)}`);

describe("the timeline model", () => {
  it("gives the greeters one lane each beside main, both waiting `sleep 1 s` from 0 to 1", () => {
    const m = buildModel(exampleTrace("02-basics/greeters"));
    const tasks = taskLanes(m);
    expect(tasks.map((l) => `${l.info.name} ${l.info.coro}`)).toEqual(["Task-1 main", "Task-2 greet", "Task-3 greet"]);
    for (const lane of tasks.slice(1)) {
      const waits = lane.segments.filter((s) => s.kind === "waiting");
      expect(shape(m, waits)).toEqual(["waiting(sleep 1 s) 0-1"]);
      expect(lane.marks.filter((k) => k.kind === "done").map((k) => k.outcome)).toEqual(["result"]);
      expect(lane.marks.filter((k) => k.kind === "print").map((k) => k.text)).toHaveLength(2);
    }
    expect(shape(m, tasks[0].segments.filter((s) => s.kind === "waiting"))).toEqual(["waiting(gather (2 awaitables)) 0-1"]);
    expect(m.lanes[0].kind).toBe("loop");
    expect(m.endTime).toBe(1);
  });

  it("walks each task through ready, running and waiting, in that order, without gaps", () => {
    const m = buildModel(exampleTrace("02-basics/greeters"));
    const ada = taskLanes(m)[1];
    expect(ada.segments.map((s) => s.kind)).toEqual(["ready", "running", "waiting", "ready", "running"]);
    for (let i = 1; i < ada.segments.length; i++) expect(ada.segments[i].from).toBe(ada.segments[i - 1].to);
  });

  it("puts the steps of one instant one after another: one slot per step, events inside their step", () => {
    const m = buildModel(exampleTrace("02-basics/greeters"));
    expect(m.instants.map((i) => [i.t, i.slots])).toEqual([
      [0, 3],
      [1, 3],
    ]);
    // Fractions never go backwards within an instant.
    for (let k = 1; k < eventsOf(m).length; k++) if (m.instantOf[k] === m.instantOf[k - 1]) expect(m.frac[k]).toBeGreaterThanOrEqual(m.frac[k - 1]);
    // Guido's first step comes after Ada's, in the same instant.
    const [, ada, guido] = taskLanes(m);
    const adaRun = ada.segments.find((s) => s.kind === "running")!;
    const guidoRun = guido.segments.find((s) => s.kind === "running")!;
    expect(m.instantOf[adaRun.from]).toBe(m.instantOf[guidoRun.from]);
    expect(m.frac[guidoRun.from]).toBeGreaterThanOrEqual(m.frac[adaRun.to]);
  });

  it("shows a blocking request as the loop blocked, inside the one long step of main", () => {
    const m = buildModel(exampleTrace("01-why-async/blocking-requests"));
    expect(m.loop.blocks.map((b) => [b.t, b.seconds, b.label])).toEqual(Array.from({ length: 5 }, (_, i) => [i, 1, "GET httpbin.org/delay/1"]));
    const main = taskLanes(m)[0];
    expect(shape(m, main.segments.filter((s) => s.kind === "running"))).toEqual(["running 0-5"]);
    const host = m.lanes.find((l) => l.kind === "host");
    expect(host?.kind === "host" && [host.host, host.requests.length, host.maxInFlight]).toEqual(["httpbin.org", 5, 1]);
  });

  it("counts requests in flight per host: five at once under gather", () => {
    const m = buildModel(exampleTrace("01-why-async/concurrent-aiohttp"));
    const host = m.lanes.find((l) => l.kind === "host");
    expect(host?.kind === "host" && host.maxInFlight).toBe(5);
    expect(host?.kind === "host" && host.points.value.at(-1)).toBe(0);
  });

  it("draws a semaphore's free permits and waiters, and the handoff from the releasing task", () => {
    const m = buildModel(exampleTrace("04-patterns-and-pitfalls/semaphore"));
    const sem = m.lanes.find((l) => l.kind === "prim");
    expect(sem?.kind === "prim" && [sem.label, sem.maxValue, sem.maxWaiters]).toEqual(["Semaphore(3)", 3, 7]);
    const waitsOnSem = taskLanes(m).flatMap((l) => l.segments.filter((s) => s.wait?.kind === "semaphore"));
    expect(waitsOnSem).toHaveLength(7);
    // Task-5 (the 4th fetch) gets its permit from Task-2 at 1 s.
    const fourth = taskLanes(m).find((l) => l.info.name === "Task-5")!;
    const hnd = fourth.handoffs;
    expect(hnd.map((h) => [m.taskName(h.from), eventsOf(m)[h.at].t])).toEqual([["Task-2", 1]]);
  });

  it("marks a timer that fired late because the loop was blocked", () => {
    const m = buildModel(exampleTrace("04-patterns-and-pitfalls/blocking-call"));
    const ticker = taskLanes(m).find((l) => l.info.coro === "ticker")!;
    const late = ticker.segments.filter((s) => s.late !== undefined);
    expect(late).toHaveLength(1);
    expect(late[0].due).toBe(1);
    expect(late[0].late).toBeCloseTo(1.8);
    expect(m.loop.blocks.map((b) => [b.t, b.seconds, b.label])).toEqual([[0.8, 2, "time.sleep(2)"]]);
  });

  it("puts a second asyncio.run's blocks, deadlines and lateness on the axis, after the first run", () => {
    const once = readFileSync("src/content/examples/04-patterns-and-pitfalls/blocking-call.ts", "utf8");
    const m = buildModel(traceOf(once.replace("asyncio.run(main());", "asyncio.run(main());\nasyncio.run(main());")));
    const runStarts = eventsOf(m).flatMap((e, k) => (e.kind === "run.start" ? [k] : []));
    expect(runStarts).toHaveLength(2);
    const second = m.axis[runStarts[1]];
    expect(second).toBeGreaterThanOrEqual(3.8);
    // Each run blocks the loop for 2 s from 0.8 s of its own loop time: on the axis, the second one after the first.
    expect(m.loop.blocks.map((b) => [b.t, +(b.end - m.axis[b.at]).toFixed(9)])).toEqual([
      [0.8, 2],
      [0.8, 2],
    ]);
    expect(m.loop.blocks[1].end).toBeCloseTo(second + 2.8);
    for (const lane of taskLanes(m)) for (const b of lane.blocks) expect(b.end).toBe(m.loop.blocks.find((x) => x.at === b.at)!.end);
    // Each ticker is late once, by 1.8 s, its deadline on the axis inside its own run.
    const late = taskLanes(m)
      .filter((l) => l.info.coro === "ticker")
      .map((l) => l.segments.filter((s) => s.late !== undefined).map((s) => [+(s.due! - m.axis[l.segments[0].from]).toFixed(9), +s.late!.toFixed(9)]));
    expect(late).toEqual([[[1, 1.8]], [[1, 1.8]]]);
    // The first run's block is over when the second run starts.
    const states = new LoopStateIndex(m);
    expect(states.at(runStarts[1]).blocked).toBeNull();
    expect(states.at(m.loop.blocks[1].at).blocked?.label).toBe("time.sleep(2)");
  });

  it("gives each executor worker a lane with its job", () => {
    const m = buildModel(exampleTrace("04-patterns-and-pitfalls/run-in-executor"));
    const threads = m.lanes.filter((l) => l.kind === "thread");
    expect(threads).toHaveLength(1);
    const job = threads[0].kind === "thread" ? threads[0].jobs[0] : null;
    expect(job && [job.label, eventsOf(m)[job.from].t, eventsOf(m)[job.to].t, job.ok]).toEqual(["blockingTask()", 0.8, 2.8, true]);
    expect(m.loop.blocks).toEqual([]);
  });

  it("orders executor threads' events by time even when they were recorded early", () => {
    const m = buildModel(exampleTrace("05-advanced/to-thread"));
    for (let k = 1; k < eventsOf(m).length; k++) expect(eventsOf(m)[k].t).toBeGreaterThanOrEqual(eventsOf(m)[k - 1].t);
    expect(m.lanes.filter((l) => l.kind === "thread")).toHaveLength(3);
    // Output item i is still the i-th print of the trace.
    const prints = m.trace.events().filter((e) => e.kind === "print");
    expect(Array.from(m.prints, (o) => eventsOf(m)[o])).toEqual(prints);
  });

  it("says which waits ended by a timeout, and marks the expiry", () => {
    const m = buildModel(exampleTrace("05-advanced/fetch-with-timeout"));
    const [, pypi, slow, hole] = taskLanes(m);
    expect(pypi.segments.some((s) => s.timeout)).toBe(false);
    for (const lane of [slow, hole]) {
      const wait = lane.segments.find((s) => s.kind === "waiting")!;
      expect(wait.timeout).toBe("timeout 2 s");
      expect(time(m, wait.to)).toBe(2);
      expect(lane.marks.some((k) => k.kind === "timeout")).toBe(true);
    }
    expect(slow.segments.find((s) => s.kind === "waiting")?.wait?.text).toBe("GET slow.example/");
  });

  it("ends a cancelled task's lane with a cancelled mark, after main woke it", () => {
    const m = buildModel(exampleTrace("05-advanced/cancel-task"));
    const download = taskLanes(m)[1];
    expect(download.marks.find((k) => k.kind === "done")?.outcome).toBe("cancelled");
    const ready = download.segments.filter((s) => s.kind === "ready").at(-1)!;
    expect(m.taskName(ready.waker ?? 0)).toBe("Task-1");
  });

  it("shows tasks that yield with sleep(0) as ready again, alternating within one instant", () => {
    const m = buildModel(exampleTrace("02-basics/ready-queue"));
    expect(m.instants).toHaveLength(1);
    const [, a, b] = taskLanes(m);
    const runsA = a.segments.filter((s) => s.kind === "running").map((s) => m.frac[s.from]);
    const runsB = b.segments.filter((s) => s.kind === "running").map((s) => m.frac[s.from]);
    expect(runsA.length).toBeGreaterThan(2);
    expect(runsA[0]).toBeLessThan(runsB[0]);
    expect(runsB[0]).toBeLessThan(runsA[1]);
    expect(a.segments.filter((s) => s.kind === "waiting")).toEqual([]);
  });

  it("shows a task left waiting when main returns, cancelled by asyncio.run at the end", () => {
    const m = buildModel(
      traceOf(`import * as asyncio from "asyncio";
async function main() {
  const ev = new asyncio.Event();
  asyncio.createTask(ev.wait(), { name: "forever" });
  await asyncio.sleep(1);
}
asyncio.run(main());
`),
    );
    const forever = taskLanes(m).find((l) => l.info.name === "forever")!;
    expect(shape(m, forever.segments.filter((s) => s.kind === "waiting"))).toEqual(["waiting(Event) 0-1"]);
    expect(forever.marks.find((k) => k.kind === "done")?.outcome).toBe("cancelled");
  });

  it("reads a trace of 10,000 tasks: a lane each, 100 batches of 100 under the semaphore", { timeout: 60_000 }, () => {
    const trace = traceOf(manyTasksSnippet(10_000));
    const m = buildModel(trace);
    expect(taskLanes(m)).toHaveLength(10_001);
    expect(m.endTime).toBe(100);
    expect(m.instants.map((i) => i.t)).toEqual(Array.from({ length: 101 }, (_, i) => i));
    const sem = m.lanes.find((l) => l.kind === "prim");
    expect(sem?.kind === "prim" && sem.maxWaiters).toBe(9900);
    // The last job waits 99 s for a permit, handed over by a job of the 99th batch, then sleeps its second.
    const last = taskLanes(m).at(-1)!;
    expect(shape(m, last.segments)).toEqual(["ready 0-0", "running 0-0", "waiting(Semaphore(100)) 0-99", "ready 99-99", "running 99-99", "waiting(sleep 1 s) 99-100", "ready 100-100", "running 100-100"]);
    expect(last.handoffs.map((h) => [m.taskName(h.from), time(m, h.at)])).toEqual([["Task-9901", 99]]);
    expect(last.marks.map((k) => k.kind)).toEqual(["create", "done"]);
    // A lane is derived once, when first read, and kept.
    expect(last.segments).toBe(last.segments);
  });
});

describe("the timeline model built in slices", () => {
  // 2,000 tasks: about 20,000 events, more than one slice of the model's steps.
  const trace = traceOf(manyTasksSnippet(2000));

  it("pauses between slices and builds the model it builds in one go", async () => {
    let pauses = 0;
    const m = await buildModelInSlices(trace, async () => void pauses++, () => false, 0);
    const whole = buildModel(trace);
    expect(pauses).toBeGreaterThan(0);
    expect(m).not.toBeNull();
    if (!m) return;
    expect([m.count, m.endTime, m.lanes.length]).toEqual([whole.count, whole.endTime, whole.lanes.length]);
    const lanes = (x: typeof m) => taskLanes(x).map((l) => `${l.info.name}: ${shape(x, l.segments).join(", ")}`);
    expect(lanes(m)).toEqual(lanes(whole));
  });

  it("gives up with null when cancelled at a pause", async () => {
    let pauses = 0;
    expect(await buildModelInSlices(trace, async () => void pauses++, () => pauses >= 1, 0)).toBeNull();
    expect(pauses).toBe(1);
  });
});
