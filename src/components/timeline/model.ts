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
 *   flight).
 */
import type { TaskInfo, Trace, TraceEvent, WaitInfo } from "../../runtime/trace/schema.ts";

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
  readonly handoffs: readonly Handoff[];
  /** Handoffs by the task they woke. */
  readonly handoffsTo: ReadonlyMap<number, readonly Handoff[]>;
  /** The lane the event at `order` is drawn on, or null (e.g. a job queued, a print from a thread). */
  laneAt(order: number): Lane | null;
  /** Order of the event with this `seq`. */
  orderOfSeq(seq: number): number;
  taskName(id: number): string;
  /** Labels of objects by id: timers, requests, primitives, tasks. */
  readonly labels: ReadonlyMap<number, string>;
}

const EPS = 1e-9;

/** Builds the timeline model of a trace. */
export function buildModel(trace: Trace): TimelineModel {
  const events = chronological(trace.events);
  const n = events.length;
  const seqToOrder = new Map<number, number>();
  let seqIsIndex = true;
  for (let k = 0; k < n; k++) {
    const s = events[k].seq;
    if (trace.events[s] !== events[k]) seqIsIndex = false;
  }
  if (!seqIsIndex) events.forEach((e, k) => seqToOrder.set(e.seq, k));
  const orderOfSeqArr = new Int32Array(seqIsIndex ? n : 0);
  if (seqIsIndex) events.forEach((e, k) => (orderOfSeqArr[e.seq] = k));

  const { instants, instantOf, frac, totalSlots } = layoutInstants(events);
  const tasksById = new Map<number, TaskInfo>(trace.tasks.map((t) => [t.id, t]));
  const labels = new Map<number, string>();
  for (const t of trace.tasks) labels.set(t.id, t.name);
  for (const p of trace.primitives) labels.set(p.id, p.label);

  const loop: LoopLane = { kind: "loop", key: "loop", blocks: [], steps: [], stepTasks: [], runs: [] };
  const taskLanes = new Map<number, TaskLane>();
  const taskLane = (id: number): TaskLane => {
    let lane = taskLanes.get(id);
    if (!lane) {
      const info = tasksById.get(id) ?? unknownTask(id);
      lane = { kind: "task", key: `task:${id}`, info, segments: [], marks: [], blocks: [] };
      taskLanes.set(id, lane);
    }
    return lane;
  };
  const threads = new Map<number, ThreadLane>();
  const prims = new Map<number, PrimLane>();
  const hosts = new Map<string, HostLane>();
  const prints: number[] = [];
  const handoffs: Handoff[] = [];
  const lines = new Int32Array(n);

  /** Per task: what it is doing since when. */
  interface Live {
    state: "ready" | "running" | "waiting" | "done";
    since: number;
    wait: WaitInfo | null;
    due: number | undefined;
    timeout: string | undefined;
    waker: number;
    /** Woken while running (sleep(0)): ready once the step ends. */
    requeued: boolean;
    /** task.done came inside the current step. */
    finished: boolean;
    stepTimers: number[];
    lastLine: number;
  }
  const live = new Map<number, Live>();
  const timers = new Map<number, { when: number; label: string; task: number; line: number }>();
  const jobs = new Map<number, { queued: number; line: number; label: string }>();
  const jobStarts = new Map<number, number>();
  const requests = new Map<number, { lane: HostLane; index: number; line: number }>();
  let running = 0;
  let runStart = -1;
  let stepBegin = -1;

  const close = (task: number, l: Live, to: number) => {
    const lane = taskLane(task);
    if (l.state === "ready") lane.segments.push({ kind: "ready", from: l.since, to, waker: l.waker });
    else if (l.state === "running") lane.segments.push({ kind: "running", from: l.since, to });
    else if (l.state === "waiting" && l.wait) {
      const t = to < n ? events[to].t : trace.endTime;
      const late = l.due !== undefined && t - l.due > EPS && !l.timeout ? t - l.due : undefined;
      lane.segments.push({ kind: "waiting", from: l.since, to, wait: l.wait, due: l.due, late, timeout: l.timeout });
    }
  };

  for (let k = 0; k < n; k++) {
    const e = events[k];
    lines[k] = e.line;
    switch (e.kind) {
      case "run.start":
        runStart = k;
        break;
      case "run.end":
        loop.runs.push({ start: runStart < 0 ? k : runStart, end: k, index: e.run });
        runStart = -1;
        break;
      case "task.create": {
        const lane = taskLane(e.task);
        lane.marks.push({ kind: "create", at: k, text: e.parent ? `created by ${labels.get(e.parent) ?? `task ${e.parent}`}` : "created by asyncio.run()" });
        live.set(e.task, { state: "ready", since: k, wait: null, due: undefined, timeout: undefined, waker: e.parent, requeued: false, finished: false, stepTimers: [], lastLine: e.line });
        break;
      }
      case "task.wake": {
        const l = live.get(e.task);
        const waker = tasksById.has(e.cause) ? e.cause : running !== e.task ? running : 0;
        if (l) lines[k] = l.state === "running" ? e.line : l.lastLine || e.line;
        if (!l || l.state === "done") break;
        if (l.state === "running") {
          l.requeued = true;
          break;
        }
        if (l.state === "ready") break;
        close(e.task, l, k);
        l.state = "ready";
        l.since = k;
        l.waker = waker;
        l.wait = null;
        if (waker && waker !== e.task) handoffs.push({ at: k, from: waker, to: e.task });
        break;
      }
      case "step.begin": {
        let l = live.get(e.task);
        if (!l) {
          l = { state: "ready", since: k, wait: null, due: undefined, timeout: undefined, waker: 0, requeued: false, finished: false, stepTimers: [], lastLine: e.line };
          live.set(e.task, l);
        }
        close(e.task, l, k);
        l.state = "running";
        l.since = k;
        l.requeued = false;
        l.stepTimers.length = 0;
        l.timeout = undefined;
        l.due = undefined;
        running = e.task;
        stepBegin = k;
        break;
      }
      case "step.end": {
        const l = live.get(e.task);
        if (running === e.task) running = 0;
        if (stepBegin >= 0) {
          loop.steps.push(stepBegin, k);
          loop.stepTasks.push(e.task);
          stepBegin = -1;
        }
        if (!l) break;
        close(e.task, l, k);
        l.lastLine = e.line;
        l.since = k;
        if (l.finished || l.state === "done") {
          l.state = "done";
          break;
        }
        if (e.wait) {
          l.state = "waiting";
          l.wait = e.wait;
          // The timer behind the wait: the last one this step set with the wait's own label.
          for (let i = l.stepTimers.length - 1; i >= 0; i--) {
            const timer = timers.get(l.stepTimers[i]);
            if (timer && timer.label === e.wait.text) {
              l.due = timer.when;
              break;
            }
          }
        } else {
          l.state = "ready";
          l.waker = e.task;
          l.wait = null;
        }
        break;
      }
      case "task.done": {
        const lane = taskLane(e.task);
        const info = lane.info;
        const detail = e.outcome === "result" ? `returned ${info.detail}` : e.outcome === "error" ? `raised ${info.detail}` : `cancelled${info.detail ? `: ${info.detail}` : ""}`;
        lane.marks.push({ kind: "done", at: k, outcome: e.outcome, text: detail });
        const l = live.get(e.task);
        if (l) {
          // Inside its last step the task stays "running" until step.end closes the step.
          if (l.state === "running") l.finished = true;
          else {
            close(e.task, l, k);
            l.state = "done";
          }
        }
        break;
      }
      case "timer.set": {
        timers.set(e.timer, { when: e.when, label: e.label, task: e.task, line: e.line });
        labels.set(e.timer, e.label);
        if (e.task) live.get(e.task)?.stepTimers.push(e.timer);
        break;
      }
      case "timer.fire":
      case "timer.cancel": {
        const timer = timers.get(e.timer);
        if (timer) {
          lines[k] = timer.line;
          if (e.kind === "timer.fire" && timer.task && timer.label.startsWith("timeout")) {
            const l = live.get(timer.task);
            if (l && l.state === "waiting") {
              l.timeout = timer.label;
              taskLane(timer.task).marks.push({ kind: "timeout", at: k, text: `${timer.label} expired` });
            }
          }
        }
        break;
      }
      case "loop.block": {
        const block: Block = { at: k, t: e.t, seconds: e.seconds, label: e.label, task: e.task };
        loop.blocks.push(block);
        if (e.task) taskLane(e.task).blocks.push(block);
        break;
      }
      case "job.queue":
        jobs.set(e.job, { queued: k, line: e.line, label: e.label });
        labels.set(e.job, e.label);
        break;
      case "job.start": {
        jobStarts.set(e.job, k);
        const q = jobs.get(e.job);
        if (q) lines[k] = q.line;
        if (!threads.has(e.worker)) threads.set(e.worker, { kind: "thread", key: `thread:${e.worker}`, worker: e.worker, jobs: [] });
        break;
      }
      case "job.end": {
        const q = jobs.get(e.job);
        if (q) lines[k] = q.line;
        let lane = threads.get(e.worker);
        if (!lane) {
          lane = { kind: "thread", key: `thread:${e.worker}`, worker: e.worker, jobs: [] };
          threads.set(e.worker, lane);
        }
        const from = jobStarts.get(e.job) ?? k;
        lane.jobs.push({ job: e.job, label: e.label, queued: q?.queued ?? from, from, to: k, ok: e.ok });
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
        requests.set(e.req, { lane, index, line: e.line });
        labels.set(e.req, `${e.method} ${shortUrl(e.url)}`);
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
          const p = trace.primitives.find((x) => x.id === e.prim);
          lane = { kind: "prim", key: `prim:${e.prim}`, id: e.prim, primKind: p?.kind ?? "primitive", label: p?.label ?? `primitive ${e.prim}`, points: [], maxValue: 0, maxWaiters: 0 };
          prims.set(e.prim, lane);
        }
        lane.points.push({ at: k, value: e.value, waiters: e.waiters });
        (lane as { maxValue: number }).maxValue = Math.max(lane.maxValue, e.value);
        (lane as { maxWaiters: number }).maxWaiters = Math.max(lane.maxWaiters, e.waiters);
        break;
      }
      case "print":
        prints.push(k);
        if (e.task) taskLane(e.task).marks.push({ kind: "print", at: k, text: e.text.replace(/\n$/, "") });
        break;
    }
  }
  if (stepBegin >= 0) {
    loop.steps.push(stepBegin, n);
    loop.stepTasks.push(running);
  }
  if (runStart >= 0) loop.runs.push({ start: runStart, end: n, index: loop.runs.length });
  for (const [task, l] of live) if (l.state !== "done") close(task, l, n);
  // Tasks that appear only in the task table (no events recorded) still get a lane.
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

  let endTime = trace.endTime;
  for (const e of events) if (e.t > endTime) endTime = e.t;
  for (const b of loop.blocks) endTime = Math.max(endTime, b.t + b.seconds);

  const taskOrder = trace.tasks.map((t) => taskLane(t.id));
  const listed = new Set(taskOrder);
  for (const lane of taskLanes.values()) if (!listed.has(lane)) taskOrder.push(lane);
  const lanes: Lane[] = [
    loop,
    ...[...threads.values()].sort((a, b) => a.worker - b.worker),
    ...[...prims.values()].sort((a, b) => a.id - b.id),
    ...hosts.values(),
    ...taskOrder,
  ];

  const handoffsTo = new Map<number, Handoff[]>();
  for (const h of handoffs) {
    const list = handoffsTo.get(h.to);
    if (list) list.push(h);
    else handoffsTo.set(h.to, [h]);
  }
  const byKey = new Map<string, Lane>(lanes.map((l) => [l.key, l]));
  const hostOfReq = new Map<number, Lane>();
  for (const lane of hosts.values()) for (const r of lane.requests) hostOfReq.set(r.req, lane);
  const laneAt = (order: number): Lane | null => {
    const e = events[order];
    if (!e) return null;
    switch (e.kind) {
      case "task.create":
      case "task.wake":
      case "step.begin":
      case "step.end":
      case "task.done":
        return byKey.get(`task:${e.task}`) ?? null;
      case "loop.block":
      case "print":
      case "timer.set":
      case "http.start":
        return e.task ? (byKey.get(`task:${e.task}`) ?? null) : e.kind === "loop.block" ? loop : null;
      case "timer.fire":
      case "timer.cancel":
      case "run.start":
      case "run.end":
        return loop;
      case "job.start":
      case "job.end":
        return byKey.get(`thread:${e.worker}`) ?? null;
      case "prim":
        return byKey.get(`prim:${e.prim}`) ?? null;
      case "http.end":
        return hostOfReq.get(e.req) ?? null;
      default:
        return null;
    }
  };

  return {
    trace,
    events,
    handoffsTo,
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
    handoffs,
    labels,
    orderOfSeq: (seq) => (seqIsIndex ? (orderOfSeqArr[seq] ?? -1) : (seqToOrder.get(seq) ?? -1)),
    taskName: (id) => (id === 0 ? "" : (tasksById.get(id)?.name ?? `task ${id}`)),
  };
}

/** Events sorted by (time, seq); the trace's own array when it already is. */
function chronological(events: readonly TraceEvent[]): TraceEvent[] {
  let sorted = true;
  for (let i = 1; i < events.length; i++) {
    if (events[i].t < events[i - 1].t) {
      sorted = false;
      break;
    }
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
  let totalSlots = 0;
  let k = 0;
  while (k < n) {
    const t = events[k].t;
    const first = k;
    let slots = 0;
    let inStep = false;
    let innerStart = -1;
    const spreadInner = (end: number, slot: number) => {
      const m = end - innerStart;
      for (let j = 0; j < m; j++) pos[innerStart + j] = slot + (j + 1) / (m + 1);
    };
    while (k < n && events[k].t === t) {
      const e = events[k];
      if (e.kind === "step.begin") {
        if (inStep) spreadInner(k, slots - 1);
        pos[k] = slots;
        slots++;
        inStep = true;
        innerStart = k + 1;
      } else if (e.kind === "step.end" && inStep) {
        spreadInner(k, slots - 1);
        pos[k] = slots;
        inStep = false;
      } else if (!inStep) {
        pos[k] = slots;
      }
      k++;
    }
    if (inStep) spreadInner(k, slots - 1);
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
