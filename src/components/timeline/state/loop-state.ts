/**
 * The event loop's state at any point of a trace: which task runs, the
 * ready queue (FIFO, next first), pending timers in deadline order, who
 * waits on what, blocked periods, executor jobs and requests in flight.
 *
 * Derived from the trace alone, incrementally: the index keeps the state
 * after one event (the cursor) in typed arrays by task slot, and moves it
 * one event at a time, forward by applying an event, backward by undoing
 * it. Every change an event makes is logged with the value it replaced, so
 * undoing it is exact and costs what applying it did: scrubbing a frame's
 * worth of events costs that many small steps, whatever the run's size,
 * and nothing is ever copied. (Rejected: snapshots every N events, copied
 * and restored on every step back: up to 10,000 waiters copied per frame.)
 *
 * Eager tasks (3.12+): a task created with an eager start never enters the
 * ready queue; it runs at once, inside its creator's call, and the creator
 * goes on when that first step is over. The trace keeps steps flat (see
 * docs/trace.md), so the state reads the hand-over: from the creator's
 * `step.end` on "eager start of Task-N", Task-N is the running task
 * (`inside` names its creator), and when its step ends the creator runs
 * again, without a trip through the ready queue.
 */
import { CODE, type Trace, type WaitInfo } from "../../../runtime/trace-api.ts";
import type { TimelineModel } from "../model/model.ts";
import { lowerBound } from "../model/search.ts";

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

/** Tasks waiting on one thing. */
export interface WaitGroup {
  readonly text: string;
  readonly kind: string;
  /** How many wait on it. */
  readonly count: number;
  /** The first few of them (task ids), in the order they began to wait. */
  readonly tasks: readonly number[];
}

export interface LoopState {
  /** Order of the last applied event (-1: before the first). */
  readonly order: number;
  /** Loop time there. */
  readonly time: number;
  /** The task the loop runs (0: none). */
  readonly running: number;
  /** When the running task took an eager first step: the task whose call it runs in (0: none). */
  readonly inside: number;
  /** Task ids, next to run first (at most MAX_READY_LISTED). */
  readonly ready: readonly number[];
  readonly readyCount: number;
  /** Earliest deadline first (at most MAX_TIMERS_LISTED). */
  readonly timers: readonly PendingTimer[];
  readonly timerCount: number;
  /** Waiters grouped by what they wait on, biggest group first. */
  readonly groups: readonly WaitGroup[];
  /** Every waiter, in task order (made when read: the panel reads `groups`). */
  readonly waiting: readonly Waiter[];
  readonly blocked: { readonly label: string; readonly until: number; readonly task: number } | null;
  readonly jobs: readonly { readonly job: number; readonly worker: number; readonly label: string }[];
  readonly queuedJobs: number;
  readonly inFlight: number;
  readonly done: { readonly result: number; readonly error: number; readonly cancelled: number };
}

/** How many ready tasks `LoopState.ready` lists at most. */
export const MAX_READY_LISTED = 12;
/** How many timers `LoopState.timers` lists at most. */
export const MAX_TIMERS_LISTED = 8;
/** How many tasks each `WaitGroup` lists at most. */
export const MAX_GROUP_LISTED = 4;

// Log entries: what changed, which one, and the value it had.
const QUEUE = 1;
const WAIT = 2;
const STATUS = 3;
const RUNNING = 4;
const INSIDE = 5;
const RETURNING = 6;
const DONE = 7;
const TIMER = 8;
const JOB = 9;
const HTTP = 10;

const JOB_QUEUED = -2;

/** A growable log of (what, key, previous value) triples. */
class UndoLog {
  length = 0;
  private what = new Int32Array(1024);
  private key = new Int32Array(1024);
  private prev = new Int32Array(1024);

  push(what: number, key: number, prev: number): void {
    const i = this.length;
    if (i === this.what.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.what = grow(this.what);
      this.key = grow(this.key);
      this.prev = grow(this.prev);
    }
    this.what[i] = what;
    this.key[i] = key;
    this.prev[i] = prev;
    this.length = i + 1;
  }

  /** Pops the last entry into `out` ([what, key, prev]). */
  pop(out: Int32Array): void {
    const i = --this.length;
    out[0] = this.what[i];
    out[1] = this.key[i];
    out[2] = this.prev[i];
  }
}

/** The state at one order, kept by task slot (see the module comment). */
export class LoopStateIndex {
  private readonly model: TimelineModel;
  private readonly trace: Trace;
  /** Order of the last applied event. */
  private cursor = -1;
  /** Per slot: the order that put it on the ready queue (-1: not on it). */
  readonly queue: Int32Array;
  /** Per slot: the order of the step.end it waits since (-1: not waiting). */
  readonly wait: Int32Array;
  /** Per slot: 0 not created yet, 1 alive, 2 done. */
  readonly status: Uint8Array;
  private running = 0;
  private inside = 0;
  /** The creator an eager task's first step just handed back to (its wake-up is no trip through the queue). */
  private returning = 0;
  private readonly doneCount = new Int32Array(3);
  private readonly queued = new Set<number>();
  private readonly groups = new Map<string, { kind: string; slots: Set<number> }>();
  /** Pending timers: id → order of their timer.set. */
  private readonly timers = new Map<number, number>();
  /** Jobs: id → order of their job.start (running), or JOB_QUEUED. */
  private readonly jobs = new Map<number, number>();
  private readonly inFlight = new Set<number>();
  private readonly log = new UndoLog();
  /** Log length before each applied event. */
  private readonly marks: Int32Array;
  private readonly entry = new Int32Array(3);

  constructor(model: TimelineModel) {
    this.model = model;
    this.trace = model.trace;
    const slots = model.slotIds.length;
    this.queue = new Int32Array(slots).fill(-1);
    this.wait = new Int32Array(slots).fill(-1);
    this.status = new Uint8Array(slots);
    this.marks = new Int32Array(model.count + 1);
  }

  /** Order the state is at. */
  get order(): number {
    return this.cursor;
  }

  /** Moves to the state after the event at `order` (-1: before any event), and says what it is. */
  at(order: number): LoopState {
    this.moveTo(order);
    return this.view();
  }

  /** Moves to the state after the event at `order`, one event at a time. */
  moveTo(order: number): void {
    const target = Math.max(-1, Math.min(order, this.model.count - 1));
    while (this.cursor < target) {
      const k = ++this.cursor;
      this.marks[k] = this.log.length;
      this.apply(k);
    }
    while (this.cursor > target) {
      const stop = this.marks[this.cursor];
      while (this.log.length > stop) {
        this.log.pop(this.entry);
        this.set(this.entry[0], this.entry[1], this.entry[2], false);
      }
      this.cursor--;
    }
  }

  /** The running task (0: none). */
  get runningTask(): number {
    return this.running;
  }

  // ---- changes ------------------------------------------------------------

  /** Sets one piece of the state, logging the old value (unless undoing), and keeps the sets and counts that follow it. */
  private set(what: number, key: number, value: number, logged = true): void {
    let prev: number;
    switch (what) {
      case QUEUE:
        prev = this.queue[key];
        this.queue[key] = value;
        if (value >= 0) this.queued.add(key);
        else this.queued.delete(key);
        break;
      case WAIT:
        prev = this.wait[key];
        if (prev === value) return;
        if (prev >= 0) {
          this.group(prev).slots.delete(key);
          this.dropEmpty(prev);
        }
        this.wait[key] = value;
        if (value >= 0) this.group(value).slots.add(key);
        break;
      case STATUS:
        prev = this.status[key];
        this.status[key] = value;
        break;
      case RUNNING:
        prev = this.running;
        this.running = value;
        break;
      case INSIDE:
        prev = this.inside;
        this.inside = value;
        break;
      case RETURNING:
        prev = this.returning;
        this.returning = value;
        break;
      case DONE:
        // A count: the "value" is +1 or -1.
        prev = -value;
        this.doneCount[key] += value;
        break;
      case TIMER:
        prev = this.timers.get(key) ?? -1;
        if (value >= 0) this.timers.set(key, value);
        else this.timers.delete(key);
        break;
      case JOB:
        prev = this.jobs.get(key) ?? -1;
        if (value === -1) this.jobs.delete(key);
        else this.jobs.set(key, value);
        break;
      default:
        prev = this.inFlight.has(key) ? 1 : 0;
        if (value) this.inFlight.add(key);
        else this.inFlight.delete(key);
    }
    if (logged) this.log.push(what, key, prev);
  }

  private group(waitOrder: number): { kind: string; slots: Set<number> } {
    const text = this.trace.text(waitOrder);
    let g = this.groups.get(text);
    if (!g) {
      g = { kind: this.trace.waitKind(waitOrder) ?? "other", slots: new Set() };
      this.groups.set(text, g);
    }
    return g;
  }

  private dropEmpty(waitOrder: number): void {
    const text = this.trace.text(waitOrder);
    if (this.groups.get(text)?.slots.size === 0) this.groups.delete(text);
  }

  /** Applies the event at `k` (the cursor is there; its log mark is set). */
  private apply(k: number): void {
    const { kind, a, b, f } = this.trace.columns;
    const m = this.model;
    switch (kind[k]) {
      case CODE["task.create"]: {
        const slot = m.slotOf(a[k]);
        if (slot < 0) break;
        this.set(STATUS, slot, 1);
        if (f[k] === 0) this.set(QUEUE, slot, k); // an eager task never enters the ready queue
        break;
      }
      case CODE["task.wake"]: {
        const slot = m.slotOf(a[k]);
        if (slot < 0) break;
        this.set(WAIT, slot, -1);
        if (this.returning === a[k]) this.set(RETURNING, 0, 0); // back from an eager task's first step: it runs on
        else if (this.queue[slot] < 0) this.set(QUEUE, slot, k);
        break;
      }
      case CODE["step.begin"]: {
        const slot = m.slotOf(a[k]);
        if (slot >= 0 && this.queue[slot] >= 0) this.set(QUEUE, slot, -1);
        this.set(RUNNING, 0, a[k]);
        break;
      }
      case CODE["step.end"]: {
        const task = a[k];
        const slot = m.slotOf(task);
        if (this.running === task) this.set(RUNNING, 0, 0);
        if (f[k] > 0 && slot >= 0) this.set(WAIT, slot, k);
        if (this.trace.waitKind(k) === "eager") {
          // The creator hands over: the eager task runs now, inside its call.
          this.set(RUNNING, 0, b[k]);
          this.set(INSIDE, 0, task);
          break;
        }
        const creator = this.creatorOf(task);
        if (creator !== 0) {
          // The eager task's first step is over: its creator goes on where it was (inside its own creator's call, if it too started eagerly).
          const cs = m.slotOf(creator);
          if (cs >= 0) this.set(WAIT, cs, -1);
          this.set(RUNNING, 0, creator);
          this.set(INSIDE, 0, this.creatorOf(creator));
          this.set(RETURNING, 0, creator);
        }
        break;
      }
      case CODE["task.done"]: {
        const slot = m.slotOf(a[k]);
        if (slot >= 0) {
          this.set(WAIT, slot, -1);
          this.set(STATUS, slot, 2);
        }
        this.set(DONE, f[k], 1);
        break;
      }
      case CODE["timer.set"]:
        this.set(TIMER, a[k], k);
        break;
      case CODE["timer.fire"]:
      case CODE["timer.cancel"]:
        if (this.timers.has(a[k])) this.set(TIMER, a[k], -1);
        break;
      case CODE["job.queue"]:
        this.set(JOB, a[k], JOB_QUEUED);
        break;
      case CODE["job.start"]:
        this.set(JOB, a[k], k);
        break;
      case CODE["job.end"]:
        if (this.jobs.has(a[k])) this.set(JOB, a[k], -1);
        break;
      case CODE["http.start"]:
        this.set(HTTP, a[k], 1);
        break;
      case CODE["http.end"]:
        if (this.inFlight.has(a[k])) this.set(HTTP, a[k], 0);
        break;
    }
  }

  /** The task whose call `task` takes its eager first step in, now: its creator, while that waits on `task`'s eager start (0: none). */
  private creatorOf(task: number): number {
    const row = this.trace.taskRow(task);
    const parent = row >= 0 ? this.trace.columns.taskParent[row] : 0;
    const slot = parent > 0 ? this.model.slotOf(parent) : -1;
    const w = slot >= 0 ? this.wait[slot] : -1;
    return w >= 0 && this.trace.waitKind(w) === "eager" && this.trace.columns.b[w] === task ? parent : 0;
  }

  // ---- the view -----------------------------------------------------------

  private view(): LoopState {
    const m = this.model;
    const trace = this.trace;
    const order = this.cursor;
    const time = order >= 0 ? trace.t(order) : 0;
    const ids = m.slotIds;
    // The ready queue: the earliest-queued first.
    const ready = smallest(this.queued, MAX_READY_LISTED, (slot) => this.queue[slot]).map((slot) => ids[slot]);
    const timers = smallest(this.timers.keys(), MAX_TIMERS_LISTED, (id) => trace.x(this.timers.get(id) as number), (id) => this.timers.get(id) as number).map((id) => {
      const set = this.timers.get(id) as number;
      return { id, when: trace.x(set), label: trace.text(set), task: trace.columns.b[set], set };
    });
    // Each group's first waiters (the earliest to begin waiting), and the groups biggest first, then the earliest begun:
    // the same answer however the index got here (its sets' order depends on the way).
    const since = (slot: number) => this.wait[slot];
    const groups: (WaitGroup & { first: number })[] = [];
    for (const [text, g] of this.groups) {
      const first = smallest(g.slots, MAX_GROUP_LISTED, since);
      groups.push({ text, kind: g.kind, count: g.slots.size, tasks: first.map((slot) => ids[slot]), first: since(first[0]) });
    }
    groups.sort((x, y) => y.count - x.count || x.first - y.first);
    const jobs: { job: number; worker: number; label: string }[] = [];
    let queuedJobs = 0;
    for (const [job, at] of this.jobs) {
      if (at === JOB_QUEUED) queuedJobs++;
      else jobs.push({ job, worker: trace.columns.b[at], label: trace.text(at) });
    }
    jobs.sort((x, y) => x.worker - y.worker);
    const wait = this.wait;
    return {
      order,
      time,
      running: this.running,
      inside: this.inside,
      ready,
      readyCount: this.queued.size,
      timers,
      timerCount: this.timers.size,
      groups: groups.map(({ first: _, ...g }) => g),
      get waiting(): Waiter[] {
        const out: Waiter[] = [];
        for (let slot = 0; slot < wait.length; slot++) {
          const w = wait[slot];
          if (w >= 0) out.push({ task: ids[slot], wait: trace.wait(w) as WaitInfo, since: trace.t(w) });
        }
        return out;
      },
      blocked: this.blocked(order),
      jobs,
      queuedJobs,
      inFlight: this.inFlight.size,
      done: { result: this.doneCount[0], error: this.doneCount[1], cancelled: this.doneCount[2] },
    };
  }

  /** The loop's blocked period at `order`: the last one begun there or before, while it lasts (on the axis: a later run's time starts again at 0). */
  private blocked(order: number): LoopState["blocked"] {
    const blocks = this.model.loop.blocks;
    const b = blocks[lowerBound(blocks.length, order, (i) => blocks[i].at, true) - 1];
    if (!b) return null;
    return order === b.at || this.model.axis[order] < b.end ? { label: b.label, until: b.t + b.seconds, task: b.task } : null;
  }
}

/** The `max` keys with the smallest `key` (then `tie`), in that order. */
function smallest<T>(items: Iterable<T>, max: number, key: (x: T) => number, tie: (x: T) => number = key): T[] {
  const out: T[] = [];
  const before = (x: T, y: T) => key(x) < key(y) || (key(x) === key(y) && tie(x) < tie(y));
  for (const x of items) {
    if (out.length === max && !before(x, out[max - 1])) continue;
    let i = Math.min(out.length, max - 1);
    if (out.length < max) out.push(x);
    else out[max - 1] = x;
    while (i > 0 && before(x, out[i - 1])) {
      out[i] = out[i - 1];
      i--;
    }
    out[i] = x;
  }
  return out;
}
