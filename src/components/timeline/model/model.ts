/**
 * From a trace to what the timeline draws: an index over the trace's
 * columns (trace.ts), made in one pass, with no object per event.
 *
 * - **Orders.** An event's *order* is its row in the trace: the order it
 *   happened in (the recorder keeps rows in time order within a run).
 * - **The axis.** Time restarts at 0 for each `asyncio.run()`; on the axis
 *   a run starts where the last one ended, so the axis never goes back
 *   (`axis`; a trace of one run has its loop times there).
 * - **Instants** (instants.ts): runs of events at one time, a slot for
 *   each step that begins there.
 * - **Tasks.** Each task has a *slot* (its row in the trace's task table;
 *   tasks only events name come after) and a range of the orders of its
 *   events (`taskStart`, `taskEvents`); its lane replays that range when
 *   first read (task-lane.ts). The pass also records who woke each task at
 *   each wake-up (the lanes' `wakerAt`), and where each timer and job was made.
 * - **Other lanes**: the loop (busy steps, blocked periods), one per
 *   executor worker, one per primitive (its states as columns: `Series`),
 *   one per HTTP host.
 */
import { CODE, type TaskInfo, type Trace } from "../../../runtime/trace-api.ts";
import { type Instant, layoutInstants } from "./instants.ts";
import type { Block, HostLane, Lane, LoopLane, PrimLane, Request, TaskLane, ThreadLane } from "./lanes.ts";
import { blockAt, SeriesBuilder } from "./lanes.ts";
import { LazyTaskLane } from "./task-lane.ts";

export type { Instant } from "./instants.ts";
export type * from "./lanes.ts";

export interface TimelineModel {
  readonly trace: Trace;
  /** Events (orders run from 0 to count - 1). */
  readonly count: number;
  /** Per order: its time on the axis (see the module comment). */
  readonly axis: Float64Array;
  /** Per order: the instant it belongs to. */
  readonly instantOf: Int32Array;
  /** Per order: how far through its instant (0..1), by slots. */
  readonly frac: Float64Array;
  /** Per order: the snippet line to highlight (0: none). */
  readonly lines: Int32Array;
  readonly instants: readonly Instant[];
  readonly totalSlots: number;
  /** Last moment of the run on the axis (≥ every event's and every blocked period's end). */
  readonly endTime: number;
  /** Lanes in display order: loop, threads, primitives, hosts, tasks. */
  readonly lanes: readonly Lane[];
  readonly loop: LoopLane;
  /** Task lanes by task id. */
  readonly taskLanes: ReadonlyMap<number, TaskLane>;
  /** Orders of the print events, in order: output item i is `prints[i]`. */
  readonly prints: Int32Array;
  /** Task slots: the slot of a task id (-1: not a task of this model), and the id of each slot. */
  slotOf(id: number): number;
  readonly slotIds: Int32Array;
  /** Per slot: its events' orders are `taskEvents[taskStart[s] .. taskStart[s + 1])`. */
  readonly taskStart: Int32Array;
  readonly taskEvents: Int32Array;
  /** Loop time of the event at `order`. */
  t(order: number): number;
  /** The lane the event at `order` is drawn on, or null (e.g. a job queued, a print from a thread). */
  laneAt(order: number): Lane | null;
  taskName(id: number): string;
  /** Labels of objects by id: timers, requests, primitives, tasks, executor jobs. */
  readonly labels: Labels;
}

/** Looks up what an id names ("Task-2", "sleep 1 s", "GET httpbin.org/get", "Semaphore(3)"). */
export interface Labels {
  get(id: number): string | undefined;
  has(id: number): boolean;
}

const C = CODE;

/** Builds the timeline model of a trace, at once. */
export function buildModel(trace: Trace): TimelineModel {
  const steps = modelSteps(trace);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Builds the timeline model of a trace in slices of about `sliceMs` of
 * work, awaiting `pause()` between them, so the page stays responsive
 * while a large trace is read (a 400,000-event trace takes a few hundred
 * milliseconds). Resolves to null when `cancelled()` turns true at a
 * pause (a newer run arrived).
 */
export async function buildModelInSlices(trace: Trace, pause: () => Promise<void>, cancelled: () => boolean, sliceMs = 20): Promise<TimelineModel | null> {
  const steps = modelSteps(trace);
  let start = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - start < sliceMs) continue;
    await pause();
    if (cancelled()) return null;
    start = performance.now();
  }
}

/** Events read between two chances to pause. */
const CHUNK = 0x2000;

/** The model's construction, one piece of work between each two yields (see `buildModelInSlices`). */
function* modelSteps(trace: Trace): Generator<void, TimelineModel, void> {
  const n = trace.count;
  const { kind, a, b, f, s, line } = trace.columns;

  // The axis: each asyncio.run() after the first starts where the last one ended.
  const axis = new Float64Array(n);
  let offset = 0;
  for (let k = 0; k < n; k++) {
    const t = trace.time[k];
    if (k > 0 && t + offset < axis[k - 1]) offset = axis[k - 1] - t;
    axis[k] = t + offset;
  }
  const { instants, instantOf, frac, totalSlots } = layoutInstants(axis, kind);
  yield;

  // Task slots: the trace's task rows first, then tasks only events name, in the order they first appear.
  const tableTasks = trace.taskCount;
  const extraSlots = new Map<number, number>();
  const extraIds: number[] = [];
  const slotOf = (id: number): number => {
    const row = trace.taskRow(id);
    return row >= 0 ? row : (extraSlots.get(id) ?? -1);
  };
  const addSlot = (id: number): number => {
    let slot = slotOf(id);
    if (slot < 0) {
      slot = tableTasks + extraIds.length;
      extraSlots.set(id, slot);
      extraIds.push(id);
    }
    return slot;
  };

  /** Orders of the events that name timers and jobs: their labels and source lines are read from there. */
  const timerSet = new Map<number, number>();
  const jobQueued = new Map<number, number>();
  const requests = new Map<number, { lane: HostLaneBuilder; index: number }>();
  const prims = new Map(trace.primitives.map((p) => [p.id, p]));
  const labelOf = (id: number): string | undefined => {
    const task = trace.taskName(id);
    if (task !== undefined) return task;
    const prim = prims.get(id);
    if (prim) return prim.label;
    const o = timerSet.get(id) ?? jobQueued.get(id);
    if (o !== undefined) return trace.text(o);
    const r = requests.get(id);
    if (r) {
      const req = r.lane.requests[r.index];
      return `${req.method} ${shortUrl(req.url)}`;
    }
    return undefined;
  };

  // The pass: each event's task slot (for the per-task index), line, waker; the other lanes.
  const slotAt = new Int32Array(n).fill(-1);
  /** A task's lane exists from its first event that makes one (create, first step, done, a block or print of its own). */
  const live = new Uint8Array(tableTasks + 16);
  let liveExtra = new Uint8Array(16);
  const isLive = (slot: number) => (slot < tableTasks ? live[slot] === 1 : liveExtra[slot - tableTasks] === 1);
  const makeLive = (slot: number) => {
    if (slot < tableTasks) live[slot] = 1;
    else {
      const i = slot - tableTasks;
      if (i >= liveExtra.length) {
        const grown = new Uint8Array(liveExtra.length * 2 + i);
        grown.set(liveExtra);
        liveExtra = grown;
      }
      liveExtra[i] = 1;
    }
  };
  /** Puts event `k` in task `id`'s range; `create`: also when the task has no lane yet. */
  const link = (id: number, k: number, create: boolean) => {
    const slot = create ? addSlot(id) : slotOf(id);
    if (slot < 0) return;
    if (create) makeLive(slot);
    else if (!isLive(slot)) return;
    slotAt[k] = slot;
  };
  const wakerAt = new Int32Array(n);
  const lines = new Int32Array(n);
  /** Per task slot: the line its last step ended at (what a wake-up from outside highlights); -1: none yet. */
  let lastLine = new Int32Array(tableTasks + 16).fill(-1);
  const setLastLine = (slot: number, l: number) => {
    if (slot >= lastLine.length) {
      const grown = new Int32Array(lastLine.length * 2 + slot).fill(-1);
      grown.set(lastLine);
      lastLine = grown;
    }
    lastLine[slot] = l;
  };
  const getLastLine = (slot: number) => (slot >= 0 && slot < lastLine.length ? lastLine[slot] : -1);

  const blocks: Block[] = [];
  const steps: number[] = [];
  const stepTasks: number[] = [];
  const runs: { start: number; end: number; index: number }[] = [];
  const threads = new Map<number, ThreadLane & { jobs: ThreadLane["jobs"][number][] }>();
  const primLanes = new Map<number, { id: number; series: SeriesBuilder }>();
  const hosts = new Map<string, HostLaneBuilder>();
  const prints: number[] = [];
  const jobStarts = new Map<number, number>();
  let running = 0;
  let runStart = -1;
  let stepBegin = -1;

  for (let k = 0; k < n; k++) {
    if ((k & (CHUNK - 1)) === CHUNK - 1) yield;
    lines[k] = line[k];
    switch (kind[k]) {
      case C["run.start"]:
        runStart = k;
        break;
      case C["run.end"]:
        runs.push({ start: runStart < 0 ? k : runStart, end: k, index: a[k] });
        runStart = -1;
        break;
      case C["task.create"]:
        setLastLine(addSlot(a[k]), line[k]);
        link(a[k], k, true);
        break;
      case C["task.wake"]: {
        const task = a[k];
        const last = getLastLine(slotOf(task));
        if (last >= 0) lines[k] = running === task ? line[k] : last || line[k];
        wakerAt[k] = trace.taskRow(b[k]) >= 0 ? b[k] : running !== task ? running : 0;
        link(task, k, false);
        break;
      }
      case C["step.begin"]: {
        const slot = addSlot(a[k]);
        if (getLastLine(slot) < 0) setLastLine(slot, line[k]);
        running = a[k];
        stepBegin = k;
        link(a[k], k, true);
        break;
      }
      case C["step.end"]: {
        if (running === a[k]) running = 0;
        if (stepBegin >= 0) {
          steps.push(stepBegin, k);
          stepTasks.push(a[k]);
          stepBegin = -1;
        }
        const slot = slotOf(a[k]);
        if (getLastLine(slot) >= 0) setLastLine(slot, line[k]);
        link(a[k], k, false);
        break;
      }
      case C["task.done"]:
        link(a[k], k, true);
        break;
      case C["timer.set"]:
        timerSet.set(a[k], k);
        if (b[k]) link(b[k], k, false);
        break;
      case C["timer.fire"]:
      case C["timer.cancel"]: {
        const o = timerSet.get(a[k]);
        if (o === undefined) break;
        lines[k] = line[o];
        // A timeout that expires ends its task's wait: that lane marks it. (Sleep labels, s < -1, never are.)
        if (kind[k] === C["timer.fire"] && b[o] && s[o] >= 0 && trace.text(o).startsWith("timeout")) link(b[o], k, false);
        break;
      }
      case C["loop.block"]:
        blocks.push(blockAt(trace, axis, k));
        if (a[k]) link(a[k], k, true);
        break;
      case C["job.queue"]:
        jobQueued.set(a[k], k);
        break;
      case C["job.start"]: {
        jobStarts.set(a[k], k);
        const q = jobQueued.get(a[k]);
        if (q !== undefined) lines[k] = line[q];
        if (!threads.has(b[k])) threads.set(b[k], { kind: "thread", key: `thread:${b[k]}`, worker: b[k], jobs: [] });
        break;
      }
      case C["job.end"]: {
        const job = a[k];
        const q = jobQueued.get(job);
        if (q !== undefined) lines[k] = line[q];
        let lane = threads.get(b[k]);
        if (!lane) {
          lane = { kind: "thread", key: `thread:${b[k]}`, worker: b[k], jobs: [] };
          threads.set(b[k], lane);
        }
        const from = jobStarts.get(job) ?? k;
        lane.jobs.push({ job, label: trace.text(k), queued: q ?? from, from, to: k, ok: f[k] === 1 });
        jobStarts.delete(job);
        break;
      }
      case C["http.start"]: {
        const [method = "", url = "", host = ""] = trace.text(k).split("\u0000");
        let lane = hosts.get(host);
        if (!lane) {
          lane = { host, requests: [] };
          hosts.set(host, lane);
        }
        const index = lane.requests.push({ req: a[k], method, url, task: b[k], blocking: f[k] === 1, from: k, to: n, outcome: "" }) - 1;
        requests.set(a[k], { lane, index });
        break;
      }
      case C["http.end"]: {
        const r = requests.get(a[k]);
        if (r) r.lane.requests[r.index] = { ...r.lane.requests[r.index], to: k, outcome: trace.text(k) };
        break;
      }
      case C.prim: {
        let lane = primLanes.get(a[k]);
        if (!lane) {
          lane = { id: a[k], series: new SeriesBuilder() };
          primLanes.set(a[k], lane);
        }
        lane.series.push(k, trace.x(k), b[k]);
        break;
      }
      case C.print:
        prints.push(k);
        if (a[k]) link(a[k], k, true);
        break;
    }
  }
  if (stepBegin >= 0) {
    steps.push(stepBegin, n);
    stepTasks.push(running);
  }
  if (runStart >= 0) runs.push({ start: runStart, end: n, index: runs.length });
  const loop: LoopLane = { kind: "loop", key: "loop", blocks, steps: Int32Array.from(steps), stepTasks: Int32Array.from(stepTasks), runs };

  // Each task's events, grouped by slot (a counting sort of the orders).
  const slots = tableTasks + extraIds.length;
  const taskStart = new Int32Array(slots + 1);
  for (let k = 0; k < n; k++) if (slotAt[k] >= 0) taskStart[slotAt[k] + 1]++;
  for (let i = 0; i < slots; i++) taskStart[i + 1] += taskStart[i];
  const taskEvents = new Int32Array(taskStart[slots]);
  const fill = taskStart.slice(0, slots);
  for (let k = 0; k < n; k++) if (slotAt[k] >= 0) taskEvents[fill[slotAt[k]]++] = k;
  yield;
  const slotIds = new Int32Array(slots);
  for (let r = 0; r < tableTasks; r++) slotIds[r] = trace.columns.taskId[r];
  extraIds.forEach((id, i) => (slotIds[tableTasks + i] = id));

  let endTime = n ? Math.max(axis[n - 1], axis[n - 1] === trace.time[n - 1] ? trace.endTime : 0) : trace.endTime;
  for (const bl of blocks) endTime = Math.max(endTime, bl.end);

  const source = { trace, axis, start: taskStart, events: taskEvents, wakerAt, endTime, labelOf };
  // Tasks in the task table's order, then any that only events named.
  const taskLanes = new Map<number, TaskLane>();
  const taskOrder: TaskLane[] = [];
  for (let slot = 0; slot < slots; slot++) {
    if ((slot & (CHUNK - 1)) === CHUNK - 1) yield;
    const id = slotIds[slot];
    const lane = new LazyTaskLane(slot < tableTasks ? trace.taskInfo(slot) : unknownTask(id), slot, source);
    taskLanes.set(id, lane);
    taskOrder.push(lane);
  }
  const primOrder: PrimLane[] = [...primLanes.values()]
    .sort((x, y) => x.id - y.id)
    .map(({ id, series }) => {
      const p = prims.get(id);
      return { kind: "prim", key: `prim:${id}`, id, primKind: p?.kind ?? "primitive", label: p?.label ?? `primitive ${id}`, points: series.done(), maxValue: series.max, maxWaiters: series.maxWaiters };
    });
  const hostLanes: HostLane[] = [...hosts.values()].map((h) => hostLane(h, n));
  const hostOf = new Map<number, HostLane>();
  for (const lane of hostLanes) for (const r of lane.requests) hostOf.set(r.req, lane);
  const lanes: Lane[] = [loop, ...[...threads.values()].sort((x, y) => x.worker - y.worker), ...primOrder, ...hostLanes, ...taskOrder];
  const primById = new Map(primOrder.map((p) => [p.id, p]));

  const laneAt = (order: number): Lane | null => {
    if (!(order >= 0 && order < n)) return null;
    switch (kind[order]) {
      case C["task.create"]:
      case C["task.wake"]:
      case C["step.begin"]:
      case C["step.end"]:
      case C["task.done"]:
        return taskLanes.get(a[order]) ?? null;
      case C["loop.block"]:
      case C.print:
        return a[order] ? (taskLanes.get(a[order]) ?? null) : kind[order] === C["loop.block"] ? loop : null;
      case C["timer.set"]:
      case C["http.start"]:
        return b[order] ? (taskLanes.get(b[order]) ?? null) : null;
      case C["timer.fire"]:
      case C["timer.cancel"]:
      case C["run.start"]:
      case C["run.end"]:
        return loop;
      case C["job.start"]:
      case C["job.end"]:
        return threads.get(b[order]) ?? null;
      case C.prim:
        return primById.get(a[order]) ?? null;
      case C["http.end"]:
        return hostOf.get(a[order]) ?? null;
      default:
        return null;
    }
  };

  return {
    trace,
    count: n,
    axis,
    instantOf,
    frac,
    lines,
    instants,
    totalSlots,
    endTime,
    lanes,
    loop,
    taskLanes,
    prints: Int32Array.from(prints),
    slotOf,
    slotIds,
    taskStart,
    taskEvents,
    t: (order) => trace.time[order],
    laneAt,
    labels: { get: labelOf, has: (id) => labelOf(id) !== undefined },
    taskName: (id) => (id === 0 ? "" : (trace.taskName(id) ?? `task ${id}`)),
  };
}

interface HostLaneBuilder {
  readonly host: string;
  readonly requests: Request[];
}

/** A host's lane: its requests, and how many were in flight after each change. */
function hostLane(h: HostLaneBuilder, n: number): HostLane {
  const changes: { at: number; d: number }[] = [];
  for (const r of h.requests) {
    changes.push({ at: r.from, d: +1 });
    if (r.to < n) changes.push({ at: r.to, d: -1 });
  }
  changes.sort((x, y) => x.at - y.at || x.d - y.d);
  const series = new SeriesBuilder();
  let inFlight = 0;
  for (const c of changes) {
    inFlight += c.d;
    if (series.lastAt === c.at) series.setLast(inFlight, 0);
    else series.push(c.at, inFlight, 0);
  }
  return { kind: "host", key: `host:${h.host}`, host: h.host, requests: h.requests, points: series.done(), maxInFlight: series.max };
}

function unknownTask(id: number): TaskInfo {
  return { id, name: `task ${id}`, coro: "?", parent: 0, run: 0, createdAt: 0, line: 0, endedAt: null, outcome: "pending", detail: "" };
}

/** "https://httpbin.org/delay/1" → "httpbin.org/delay/1". */
export function shortUrl(url: string): string {
  return url.replace(/^[a-z]+:\/\//i, "");
}
