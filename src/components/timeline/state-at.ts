/**
 * The event loop's state at any point of a trace: which task runs, the
 * ready queue (FIFO, next first), pending timers in deadline order, who
 * waits on what, blocked periods, executor jobs and requests in flight.
 *
 * Derived from the trace alone by replaying events. Replaying from the
 * start on every scrub would cost O(events) per frame, so snapshots are
 * kept every `interval` events as the replay passes them; a query starts
 * from the nearest snapshot at or before its order (or from the live
 * cursor, when scrubbing forward).
 */
import type { WaitInfo } from "../../runtime/trace-api.ts";
import type { TimelineModel } from "./model.ts";

export interface PendingTimer {
  readonly id: number;
  readonly when: number;
  readonly label: string;
  readonly task: number;
  /** Order of its timer.set, for ties. */
  readonly set: number;
}

export interface Waiter {
  readonly task: number;
  readonly wait: WaitInfo;
  /** Time it started waiting. */
  readonly since: number;
}

export interface LoopState {
  /** Order of the last applied event (-1: before the first). */
  readonly order: number;
  readonly time: number;
  readonly running: number;
  /** Task ids, next to run first (at most MAX_READY_LISTED). */
  readonly ready: readonly number[];
  readonly readyCount: number;
  /** Earliest deadline first. */
  readonly timers: readonly PendingTimer[];
  readonly timerCount: number;
  readonly waiting: readonly Waiter[];
  readonly blocked: { readonly label: string; readonly until: number; readonly task: number } | null;
  readonly jobs: readonly { readonly job: number; readonly worker: number; readonly label: string }[];
  readonly queuedJobs: number;
  readonly inFlight: number;
  readonly done: { readonly result: number; readonly error: number; readonly cancelled: number };
}

interface Work {
  order: number;
  running: number;
  /** The ready queue: entries from `readyHead` on, valid where `readyAt` still points at them. */
  ready: number[];
  readyHead: number;
  /** Task → index of its live entry in `ready` (a task leaves the queue out of turn by deleting this). */
  readyAt: Map<number, number>;
  timers: Map<number, PendingTimer>;
  waiting: Map<number, Waiter>;
  jobs: Map<number, { job: number; worker: number; label: string }>;
  queuedJobs: Set<number>;
  inFlight: Set<number>;
  block: { label: string; until: number; task: number } | null;
  result: number;
  error: number;
  cancelled: number;
}

function empty(): Work {
  return {
    order: -1,
    running: 0,
    ready: [],
    readyHead: 0,
    readyAt: new Map(),
    timers: new Map(),
    waiting: new Map(),
    jobs: new Map(),
    queuedJobs: new Set(),
    inFlight: new Set(),
    block: null,
    result: 0,
    error: 0,
    cancelled: 0,
  };
}

function copy(w: Work): Work {
  const ready: number[] = [];
  const readyAt = new Map<number, number>();
  for (let i = w.readyHead; i < w.ready.length; i++) {
    const task = w.ready[i];
    if (w.readyAt.get(task) === i) {
      readyAt.set(task, ready.length);
      ready.push(task);
    }
  }
  return {
    ...w,
    ready,
    readyHead: 0,
    readyAt,
    timers: new Map(w.timers),
    waiting: new Map(w.waiting),
    jobs: new Map(w.jobs),
    queuedJobs: new Set(w.queuedJobs),
    inFlight: new Set(w.inFlight),
  };
}

function enqueue(w: Work, task: number): void {
  if (w.readyAt.has(task)) return;
  w.readyAt.set(task, w.ready.length);
  w.ready.push(task);
}

function firstReady(w: Work, max: number): number[] {
  const out: number[] = [];
  for (let i = w.readyHead; i < w.ready.length && out.length < max; i++) if (w.readyAt.get(w.ready[i]) === i) out.push(w.ready[i]);
  return out;
}

/** How many ready tasks `LoopState.ready` lists at most. */
export const MAX_READY_LISTED = 12;

/** How many timers `LoopState.timers` lists at most. */
export const MAX_TIMERS_LISTED = 8;

export class LoopStateIndex {
  private readonly model: TimelineModel;
  private readonly interval: number;
  private readonly snapshots = new Map<number, Work>();
  private live: Work = empty();

  constructor(model: TimelineModel, interval = Math.max(256, Math.ceil(model.events.length / 64))) {
    this.model = model;
    this.interval = interval;
  }

  /** The state after the event at `order` (-1: before any event). */
  at(order: number): LoopState {
    const n = this.model.events.length;
    const target = Math.max(-1, Math.min(order, n - 1));
    if (target < this.live.order) {
      const base = Math.floor((target + 1) / this.interval) * this.interval - 1;
      let from: Work | undefined;
      for (let s = base; s >= -1; s -= this.interval) {
        from = s < 0 ? undefined : this.snapshots.get(s);
        if (from || s < 0) break;
      }
      this.live = from ? copy(from) : empty();
    }
    while (this.live.order < target) {
      this.apply(this.live, this.live.order + 1);
      const o = this.live.order;
      if ((o + 1) % this.interval === 0 && !this.snapshots.has(o)) this.snapshots.set(o, copy(this.live));
    }
    return this.view(this.live);
  }

  private apply(w: Work, k: number): void {
    const e = this.model.events[k];
    w.order = k;
    if (w.block && e.t >= w.block.until) w.block = null;
    switch (e.kind) {
      case "task.create":
        enqueue(w, e.task);
        break;
      case "task.wake":
        w.waiting.delete(e.task);
        enqueue(w, e.task);
        break;
      case "step.begin": {
        w.readyAt.delete(e.task);
        while (w.readyHead < w.ready.length && w.readyAt.get(w.ready[w.readyHead]) !== w.readyHead) w.readyHead++;
        w.running = e.task;
        break;
      }
      case "step.end":
        if (w.running === e.task) w.running = 0;
        if (e.wait) w.waiting.set(e.task, { task: e.task, wait: e.wait, since: e.t });
        break;
      case "task.done":
        w.waiting.delete(e.task);
        if (e.outcome === "result") w.result++;
        else if (e.outcome === "error") w.error++;
        else w.cancelled++;
        break;
      case "timer.set":
        w.timers.set(e.timer, { id: e.timer, when: e.when, label: e.label, task: e.task, set: k });
        break;
      case "timer.fire":
      case "timer.cancel":
        w.timers.delete(e.timer);
        break;
      case "loop.block":
        w.block = { label: e.label, until: e.t + e.seconds, task: e.task };
        break;
      case "job.queue":
        w.queuedJobs.add(e.job);
        break;
      case "job.start":
        w.queuedJobs.delete(e.job);
        w.jobs.set(e.job, { job: e.job, worker: e.worker, label: e.label });
        break;
      case "job.end":
        w.queuedJobs.delete(e.job);
        w.jobs.delete(e.job);
        break;
      case "http.start":
        w.inFlight.add(e.req);
        break;
      case "http.end":
        w.inFlight.delete(e.req);
        break;
    }
  }

  private view(w: Work): LoopState {
    const e = w.order >= 0 ? this.model.events[w.order] : null;
    const time = e ? e.t : 0;
    return {
      order: w.order,
      time,
      running: w.running,
      ready: firstReady(w, MAX_READY_LISTED),
      readyCount: w.readyAt.size,
      timers: earliest(w.timers, MAX_TIMERS_LISTED),
      timerCount: w.timers.size,
      waiting: [...w.waiting.values()],
      blocked: w.block && time < w.block.until ? w.block : w.block && e?.kind === "loop.block" ? w.block : null,
      jobs: [...w.jobs.values()].sort((a, b) => a.worker - b.worker),
      queuedJobs: w.queuedJobs.size,
      inFlight: w.inFlight.size,
      done: { result: w.result, error: w.error, cancelled: w.cancelled },
    };
  }
}

/** The `max` earliest timers, by deadline then by when they were set. */
function earliest(timers: Map<number, PendingTimer>, max: number): PendingTimer[] {
  const out: PendingTimer[] = [];
  const before = (a: PendingTimer, b: PendingTimer) => a.when < b.when || (a.when === b.when && a.set < b.set);
  for (const t of timers.values()) {
    if (out.length === max && !before(t, out[max - 1])) continue;
    let i = Math.min(out.length, max - 1);
    if (out.length < max) out.push(t);
    else out[max - 1] = t;
    while (i > 0 && before(t, out[i - 1])) {
      out[i] = out[i - 1];
      i--;
    }
    out[i] = t;
  }
  return out;
}

/** Waiters grouped by what they wait on, biggest group first. */
export function groupWaiters(waiting: readonly Waiter[]): { text: string; kind: string; tasks: number[] }[] {
  const groups = new Map<string, { text: string; kind: string; tasks: number[] }>();
  for (const w of waiting) {
    let g = groups.get(w.wait.text);
    if (!g) {
      g = { text: w.wait.text, kind: w.wait.kind, tasks: [] };
      groups.set(w.wait.text, g);
    }
    g.tasks.push(w.task);
  }
  return [...groups.values()].sort((a, b) => b.tasks.length - a.tasks.length);
}
