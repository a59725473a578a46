/**
 * From a trace to what the timeline draws: lanes, the segments and marks on
 * each, and where every event sits inside its instant.
 *
 * Pure and DOM-free (unit-tested against real traces). Three ideas:
 *
 * - **Chronological order.** Events are ordered by (time, seq). The loop's
 *   own events already are; an executor thread's events are recorded when
 *   the job runs, with the thread's own times, so they can come "early" in
 *   `seq`. Every index called `order` below is a position in this order.
 * - **Instants.** Virtual time does not move while a task runs, so many
 *   events share one time. An instant is a run of events with equal time;
 *   each step that begins in it gets one *slot*, and every event gets a
 *   fraction (0..1) of the way through its instant. The scale can then
 *   spread an instant out so its steps are seen one after the other.
 * - **Lanes.** One per task (ready → running → waiting → ... → done), one
 *   for the loop (blocked periods, busy steps), one per executor worker,
 *   one per primitive (value and waiters), one per HTTP host (requests in
 *   flight). A task's lane is derived from its own events when it is
 *   first read (task-lane.ts): the pass here only links them.
 */
import type { TaskInfo, Trace, TraceEvent, WaitInfo } from "../../runtime/trace-api.ts";
import { LazyTaskLane } from "./task-lane.ts";

/** A stretch of a task's life. `from`/`to` are orders; `to` may be `model.events.length` (the end of the run). */
export interface Segment {
  readonly kind: "ready" | "running" | "waiting";
  readonly from: number;
  readonly to: number;
  /** Waiting: what it waits on. */
  readonly wait?: WaitInfo;
  /** Waiting: the deadline of the timer it waited for (its sleep or response), if any. */
  readonly due?: number;
  /** Waiting: woken this long after `due` (the loop was busy or blocked). */
  readonly late?: number;
  /** Waiting: the timeout (e.g. "timeout 2 s") whose expiry ended the wait. */
  readonly timeout?: string;
  /** Ready: the task whose step put it on the ready queue (0: the loop itself, a timer or I/O). */
  readonly waker?: number;
}

/** Something that happened at one point on a lane. */
export interface Mark {
  readonly kind: "create" | "print" | "done" | "timeout";
  readonly at: number;
  /** For "done": how it ended. */
  readonly outcome?: "result" | "error" | "cancelled";
  readonly text: string;
}

/** The loop froze from `from` for `seconds` (time.sleep, a blocking request) inside `task`'s step. */
export interface Block {
  readonly at: number;
  readonly t: number;
  readonly seconds: number;
  readonly label: string;
  readonly task: number;
}

export interface TaskLane {
  readonly kind: "task";
  readonly key: string;
  readonly info: TaskInfo;
  readonly segments: Segment[];
  readonly marks: Mark[];
  readonly blocks: Block[];
  /** Wake-ups handed to this task by another task's step. */
  readonly handoffs: readonly Handoff[];
}

export interface LoopLane {
  readonly kind: "loop";
  readonly key: string;
  readonly blocks: Block[];
  /** Steps as [beginOrder, endOrder] pairs, flat, in order. */
  readonly steps: number[];
  /** The task of each step. */
  readonly stepTasks: number[];
  /** Orders of run.start / run.end. */
  readonly runs: { readonly start: number; readonly end: number; readonly index: number }[];
}

export interface Job {
  readonly job: number;
  readonly label: string;
  readonly queued: number;
  readonly from: number;
  readonly to: number;
  readonly ok: boolean;
}

export interface ThreadLane {
  readonly kind: "thread";
  readonly key: string;
  readonly worker: number;
  readonly jobs: Job[];
}

/** A value that changes at events: `at` orders, and the value from there on. */
export interface SeriesPoint {
  readonly at: number;
  readonly value: number;
  readonly waiters: number;
}

export interface PrimLane {
  readonly kind: "prim";
  readonly key: string;
  readonly id: number;
  /** "semaphore" | "lock" | "event" | "condition" | "queue". */
  readonly primKind: string;
  readonly label: string;
  readonly points: SeriesPoint[];
  readonly maxValue: number;
  readonly maxWaiters: number;
}

export interface Request {
  readonly req: number;
  readonly method: string;
  readonly url: string;
  readonly task: number;
  readonly blocking: boolean;
  readonly from: number;
  /** Order of http.end, or events.length if it never ended. */
  readonly to: number;
  readonly outcome: string;
}

export interface HostLane {
  readonly kind: "host";
  readonly key: string;
  readonly host: string;
  readonly requests: Request[];
  /** Requests in flight (`value`) after each change. */
  readonly points: SeriesPoint[];
  readonly maxInFlight: number;
}

export type Lane = LoopLane | ThreadLane | PrimLane | HostLane | TaskLane;

/** A run of events at one virtual time. */
export interface Instant {
  readonly t: number;
  /** Steps that begin here. */
  readonly slots: number;
  readonly first: number;
  readonly last: number;
}

/** A wake-up handed from one task to another (a semaphore released, a task finished, a cancel). */
export interface Handoff {
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

export interface TimelineModel {
  readonly trace: Trace;
  /** Events in chronological order. */
  readonly events: readonly TraceEvent[];
  /** Per order: the instant it belongs to. */
  readonly instantOf: Int32Array;
  /** Per order: how far through its instant (0..1), by slots. */
  readonly frac: Float64Array;
  /** Per order: the snippet line to highlight (0: none). */
  readonly lines: Int32Array;
  readonly instants: readonly Instant[];
  readonly totalSlots: number;
  /** Last moment of the run (≥ every event's time and every blocked period's end). */
  readonly endTime: number;
  /** Lanes in display order: loop, threads, primitives, hosts, tasks. */
  readonly lanes: readonly Lane[];
  readonly loop: LoopLane;
  readonly taskLanes: ReadonlyMap<number, TaskLane>;
  /** Order of each print event, in seq order: output item i is `prints[i]`. */
  readonly prints: readonly number[];
  /** The lane the event at `order` is drawn on, or null (e.g. a job queued, a print from a thread). */
  laneAt(order: number): Lane | null;
  /** Order of the event with this `seq`. */
  orderOfSeq(seq: number): number;
  taskName(id: number): string;
  /** Labels of objects by id: timers, requests, primitives, tasks, executor jobs. */
  readonly labels: Labels;
}

/** Looks up what an id names ("Task-2", "sleep 1 s", "GET httpbin.org/get", "Semaphore(3)"). */
export interface Labels {
  get(id: number): string | undefined;
  has(id: number): boolean;
}

/** Builds the timeline model of a trace. */
export function buildModel(trace: Trace): TimelineModel {
  // (An object per event: replaced by an index over the columns in the next commit.)
  const traceEvents = trace.events();
  const events = chronological(traceEvents);
  const n = events.length;
  /** Order of each seq, filled by the main pass while seq is an index into the trace's events (a map otherwise). */
  const orderOfSeqArr = new Int32Array(n);
  let seqIsIndex = true;

  const { instants, instantOf, frac, totalSlots } = layoutInstants(events);
  const tasksById = new Map<number, TaskInfo>();
  for (const t of trace.tasks) tasksById.set(t.id, t);
  const primsById = new Map(trace.primitives.map((p) => [p.id, p]));
  /** Orders of the events that name timers, jobs and requests: their labels and source lines are read from there. */
  const timerSet = new Map<number, number>();
  const jobQueued = new Map<number, number>();
  const requests = new Map<number, { lane: HostLane; index: number }>();
  const labelOf = (id: number): string | undefined => {
    const task = tasksById.get(id);
    if (task) return task.name;
    const prim = primsById.get(id);
    if (prim) return prim.label;
    const o = timerSet.get(id) ?? jobQueued.get(id);
    if (o !== undefined) return (events[o] as { label: string }).label;
    const r = requests.get(id);
    if (r) {
      const req = r.lane.requests[r.index];
      return `${req.method} ${shortUrl(req.url)}`;
    }
    return undefined;
  };

  const next = new Int32Array(n).fill(-1);
  const wakerAt = new Int32Array(n);
  const source = { events, next, wakerAt, endTime: trace.endTime, labelOf };
  const loop: LoopLane = { kind: "loop", key: "loop", blocks: [], steps: [], stepTasks: [], runs: [] };
  const taskLanes = new Map<number, LazyTaskLane>();
  const taskLane = (id: number): LazyTaskLane => {
    let lane = taskLanes.get(id);
    if (!lane) {
      lane = new LazyTaskLane(tasksById.get(id) ?? unknownTask(id), source);
      taskLanes.set(id, lane);
    }
    return lane;
  };
  /** Links event `k` into task `id`'s list; `create`: also when the task has no lane yet. */
  const link = (id: number, k: number, create: boolean) => {
    const lane = create ? taskLane(id) : taskLanes.get(id);
    lane?.link(k);
  };
  const threads = new Map<number, ThreadLane>();
  const prims = new Map<number, PrimLane>();
  const hosts = new Map<string, HostLane>();
  const prints: number[] = [];
  const lines = new Int32Array(n);
  /** Per task: the line its last step ended at (what a wake-up from outside highlights). */
  const lastLine = new Map<number, number>();
  const jobStarts = new Map<number, number>();
  let running = 0;
  let runStart = -1;
  let stepBegin = -1;

  for (let k = 0; k < n; k++) {
    const e = events[k];
    lines[k] = e.line;
    if (seqIsIndex) {
      if (traceEvents[e.seq] === e) orderOfSeqArr[e.seq] = k;
      else seqIsIndex = false;
    }
    switch (e.kind) {
      case "run.start":
        runStart = k;
        break;
      case "run.end":
        loop.runs.push({ start: runStart < 0 ? k : runStart, end: k, index: e.run });
        runStart = -1;
        break;
      case "task.create":
        lastLine.set(e.task, e.line);
        link(e.task, k, true);
        break;
      case "task.wake": {
        const last = lastLine.get(e.task);
        if (last !== undefined) lines[k] = running === e.task ? e.line : last || e.line;
        wakerAt[k] = tasksById.has(e.cause) ? e.cause : running !== e.task ? running : 0;
        link(e.task, k, false);
        break;
      }
      case "step.begin":
        if (!lastLine.has(e.task)) lastLine.set(e.task, e.line);
        running = e.task;
        stepBegin = k;
        link(e.task, k, true);
        break;
      case "step.end":
        if (running === e.task) running = 0;
        if (stepBegin >= 0) {
          loop.steps.push(stepBegin, k);
          loop.stepTasks.push(e.task);
          stepBegin = -1;
        }
        if (lastLine.has(e.task)) lastLine.set(e.task, e.line);
        link(e.task, k, false);
        break;
      case "task.done":
        link(e.task, k, true);
        break;
      case "timer.set":
        timerSet.set(e.timer, k);
        if (e.task) link(e.task, k, false);
        break;
      case "timer.fire":
      case "timer.cancel": {
        const o = timerSet.get(e.timer);
        if (o === undefined) break;
        const set = events[o] as Extract<TraceEvent, { kind: "timer.set" }>;
        lines[k] = set.line;
        // A timeout that expires ends its task's wait: that lane marks it.
        if (e.kind === "timer.fire" && set.task && set.label.startsWith("timeout")) link(set.task, k, false);
        break;
      }
      case "loop.block":
        loop.blocks.push({ at: k, t: e.t, seconds: e.seconds, label: e.label, task: e.task });
        if (e.task) link(e.task, k, true);
        break;
      case "job.queue":
        jobQueued.set(e.job, k);
        break;
      case "job.start": {
        jobStarts.set(e.job, k);
        const q = jobQueued.get(e.job);
        if (q !== undefined) lines[k] = events[q].line;
        if (!threads.has(e.worker)) threads.set(e.worker, { kind: "thread", key: `thread:${e.worker}`, worker: e.worker, jobs: [] });
        break;
      }
      case "job.end": {
        const q = jobQueued.get(e.job);
        if (q !== undefined) lines[k] = events[q].line;
        let lane = threads.get(e.worker);
        if (!lane) {
          lane = { kind: "thread", key: `thread:${e.worker}`, worker: e.worker, jobs: [] };
          threads.set(e.worker, lane);
        }
        const from = jobStarts.get(e.job) ?? k;
        lane.jobs.push({ job: e.job, label: e.label, queued: q ?? from, from, to: k, ok: e.ok });
        jobStarts.delete(e.job);
        break;
      }
      case "http.start": {
        let lane = hosts.get(e.host);
        if (!lane) {
          lane = { kind: "host", key: `host:${e.host}`, host: e.host, requests: [], points: [], maxInFlight: 0 };
          hosts.set(e.host, lane);
        }
        const index = lane.requests.push({ req: e.req, method: e.method, url: e.url, task: e.task, blocking: e.blocking, from: k, to: n, outcome: "" }) - 1;
        requests.set(e.req, { lane, index });
        break;
      }
      case "http.end": {
        const r = requests.get(e.req);
        if (r) {
          const old = r.lane.requests[r.index];
          r.lane.requests[r.index] = { ...old, to: k, outcome: e.outcome };
        }
        break;
      }
      case "prim": {
        let lane = prims.get(e.prim);
        if (!lane) {
          const p = primsById.get(e.prim);
          lane = { kind: "prim", key: `prim:${e.prim}`, id: e.prim, primKind: p?.kind ?? "primitive", label: p?.label ?? `primitive ${e.prim}`, points: [], maxValue: 0, maxWaiters: 0 };
          prims.set(e.prim, lane);
        }
        lane.points.push({ at: k, value: e.value, waiters: e.waiters });
        if (e.value > lane.maxValue) (lane as { maxValue: number }).maxValue = e.value;
        if (e.waiters > lane.maxWaiters) (lane as { maxWaiters: number }).maxWaiters = e.waiters;
        break;
      }
      case "print":
        prints.push(k);
        if (e.task) link(e.task, k, true);
        break;
    }
  }
  if (stepBegin >= 0) {
    loop.steps.push(stepBegin, n);
    loop.stepTasks.push(running);
  }
  if (runStart >= 0) loop.runs.push({ start: runStart, end: n, index: loop.runs.length });
  const seqToOrder = new Map<number, number>();
  if (!seqIsIndex) for (let k = 0; k < n; k++) seqToOrder.set(events[k].seq, k);
  // Every task in the task table gets a lane, events or not.
  for (const t of trace.tasks) taskLane(t.id);
  // Prints come in seq order: sort the orders by seq so output item i is prints[i].
  prints.sort((a, b) => events[a].seq - events[b].seq);

  for (const lane of hosts.values()) {
    const changes: { at: number; d: number }[] = [];
    for (const r of lane.requests) {
      changes.push({ at: r.from, d: +1 });
      if (r.to < n) changes.push({ at: r.to, d: -1 });
    }
    changes.sort((a, b) => a.at - b.at || a.d - b.d);
    let inFlight = 0;
    for (const c of changes) {
      inFlight += c.d;
      const last = lane.points[lane.points.length - 1];
      if (last && last.at === c.at) lane.points[lane.points.length - 1] = { at: c.at, value: inFlight, waiters: 0 };
      else lane.points.push({ at: c.at, value: inFlight, waiters: 0 });
      (lane as { maxInFlight: number }).maxInFlight = Math.max(lane.maxInFlight, inFlight);
    }
  }

  let endTime = Math.max(trace.endTime, n ? events[n - 1].t : 0);
  for (const b of loop.blocks) endTime = Math.max(endTime, b.t + b.seconds);

  // Tasks in the task table's order, then any that only events named.
  const taskOrder: TaskLane[] = trace.tasks.map((t) => taskLane(t.id));
  if (taskOrder.length < taskLanes.size) {
    const listed = new Set<TaskLane>(taskOrder);
    for (const lane of taskLanes.values()) if (!listed.has(lane)) taskOrder.push(lane);
  }
  const lanes: Lane[] = [
    loop,
    ...[...threads.values()].sort((a, b) => a.worker - b.worker),
    ...[...prims.values()].sort((a, b) => a.id - b.id),
    ...hosts.values(),
    ...taskOrder,
  ];

  const laneAt = (order: number): Lane | null => {
    const e = events[order];
    if (!e) return null;
    switch (e.kind) {
      case "task.create":
      case "task.wake":
      case "step.begin":
      case "step.end":
      case "task.done":
        return taskLanes.get(e.task) ?? null;
      case "loop.block":
      case "print":
      case "timer.set":
      case "http.start":
        return e.task ? (taskLanes.get(e.task) ?? null) : e.kind === "loop.block" ? loop : null;
      case "timer.fire":
      case "timer.cancel":
      case "run.start":
      case "run.end":
        return loop;
      case "job.start":
      case "job.end":
        return threads.get(e.worker) ?? null;
      case "prim":
        return prims.get(e.prim) ?? null;
      case "http.end":
        return requests.get(e.req)?.lane ?? null;
      default:
        return null;
    }
  };

  return {
    trace,
    events,
    laneAt,
    instantOf,
    frac,
    lines,
    instants,
    totalSlots,
    endTime,
    lanes,
    loop,
    taskLanes,
    prints,
    labels: { get: labelOf, has: (id) => labelOf(id) !== undefined },
    orderOfSeq: (seq) => (seqIsIndex ? (orderOfSeqArr[seq] ?? -1) : (seqToOrder.get(seq) ?? -1)),
    taskName: (id) => (id === 0 ? "" : (tasksById.get(id)?.name ?? `task ${id}`)),
  };
}

/** Events sorted by (time, seq); the trace's own array when it already is. */
function chronological(events: readonly TraceEvent[]): TraceEvent[] {
  let sorted = true;
  let last = -Infinity;
  for (let i = 0; i < events.length; i++) {
    const t = events[i].t;
    if (t < last) {
      sorted = false;
      break;
    }
    last = t;
  }
  const copy = events.slice();
  if (!sorted) copy.sort((a, b) => a.t - b.t || a.seq - b.seq);
  return copy;
}

/**
 * Groups events into instants and places each inside its instant: a step
 * that begins here takes one slot; events inside the step are spread over
 * the slot; events between steps sit on a slot boundary.
 */
export function layoutInstants(events: readonly TraceEvent[]): { instants: Instant[]; instantOf: Int32Array; frac: Float64Array; totalSlots: number } {
  const n = events.length;
  const instantOf = new Int32Array(n);
  const frac = new Float64Array(n);
  const instants: Instant[] = [];
  const pos = new Float64Array(n);
  /** Spreads the events from `from` to before `to` (inside one step) over slot `slot`. */
  const spreadInner = (from: number, to: number, slot: number) => {
    const m = to - from;
    for (let j = 0; j < m; j++) pos[from + j] = slot + (j + 1) / (m + 1);
  };
  let totalSlots = 0;
  let k = 0;
  while (k < n) {
    const t = events[k].t;
    const first = k;
    let slots = 0;
    let inStep = false;
    let innerStart = -1;
    while (k < n && events[k].t === t) {
      const kind = events[k].kind;
      if (kind === "step.begin") {
        if (inStep) spreadInner(innerStart, k, slots - 1);
        pos[k] = slots;
        slots++;
        inStep = true;
        innerStart = k + 1;
      } else if (kind === "step.end" && inStep) {
        spreadInner(innerStart, k, slots - 1);
        pos[k] = slots;
        inStep = false;
      } else if (!inStep) {
        pos[k] = slots;
      }
      k++;
    }
    if (inStep) spreadInner(innerStart, k, slots - 1);
    const index = instants.length;
    instants.push({ t, slots, first, last: k - 1 });
    totalSlots += slots;
    for (let i = first; i < k; i++) {
      instantOf[i] = index;
      frac[i] = slots > 0 ? pos[i] / slots : 0;
    }
  }
  return { instants, instantOf, frac, totalSlots };
}

function unknownTask(id: number): TaskInfo {
  return { id, name: `task ${id}`, coro: "?", parent: 0, run: 0, createdAt: 0, line: 0, endedAt: null, outcome: "pending", detail: "" };
}

/** "https://httpbin.org/delay/1" → "httpbin.org/delay/1". */
export function shortUrl(url: string): string {
  return url.replace(/^[a-z]+:\/\//i, "");
}
