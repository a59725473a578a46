/**
 * What the timeline draws, lane by lane: one per task (ready → running →
 * waiting → ... → done), one for the loop (blocked periods, busy steps),
 * one per executor worker, one per primitive (value and waiters), one per
 * HTTP host (requests in flight). Positions are *orders*: an event's row
 * in the trace (the order things happened in); `to` may be the trace's
 * event count (the end of the run).
 */
import type { TaskInfo, Trace, WaitInfo } from "../../../runtime/trace-api.ts";

/** A stretch of a task's life. */
export interface Segment {
  readonly kind: "ready" | "running" | "waiting";
  readonly from: number;
  readonly to: number;
  /** Waiting: what it waits on. */
  readonly wait?: WaitInfo;
  /** Waiting: the deadline of the timer it waited for (its sleep or response), if any, on the axis (as `TimelineModel.axis`). */
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

/** The loop froze from `at` for `seconds` (time.sleep, a blocking request) inside `task`'s step. */
export interface Block {
  readonly at: number;
  /** Loop time it began (what the tooltip says). */
  readonly t: number;
  /** Where it ends on the axis (`axis[at] + seconds`: what is drawn, in any run). */
  readonly end: number;
  readonly seconds: number;
  readonly label: string;
  readonly task: number;
}

/** The blocked period of `loop.block` event `k` (`axis`: each event's place on the model's axis). */
export function blockAt(trace: Trace, axis: Float64Array, k: number): Block {
  const seconds = trace.x(k);
  return { at: k, t: trace.t(k), end: axis[k] + seconds, seconds, label: trace.text(k), task: trace.columns.a[k] };
}

/** A wake-up handed from one task to another (a semaphore released, a task finished, a cancel). */
export interface Handoff {
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

export interface TaskLane {
  readonly kind: "task";
  readonly key: string;
  readonly info: TaskInfo;
  readonly segments: readonly Segment[];
  readonly marks: readonly Mark[];
  readonly blocks: readonly Block[];
  /** Wake-ups handed to this task by another task's step. */
  readonly handoffs: readonly Handoff[];
}

export interface LoopLane {
  readonly kind: "loop";
  readonly key: string;
  readonly blocks: readonly Block[];
  /** Steps as [beginOrder, endOrder] pairs, flat, in order. */
  readonly steps: Int32Array;
  /** The task of each step. */
  readonly stepTasks: Int32Array;
  /** Orders of run.start / run.end. */
  readonly runs: readonly { readonly start: number; readonly end: number; readonly index: number }[];
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
  readonly jobs: readonly Job[];
}

/** A value that changes at events: at `at[i]` it becomes `value[i]`, with `waiters[i]` waiting. */
export interface Series {
  readonly length: number;
  readonly at: Int32Array;
  readonly value: Float64Array;
  readonly waiters: Int32Array;
}

export interface PrimLane {
  readonly kind: "prim";
  readonly key: string;
  readonly id: number;
  /** "semaphore" | "lock" | "event" | "condition" | "queue" | "barrier". */
  readonly primKind: string;
  readonly label: string;
  readonly points: Series;
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
  /** Order of http.end, or the event count if it never ended. */
  readonly to: number;
  readonly outcome: string;
}

export interface HostLane {
  readonly kind: "host";
  readonly key: string;
  readonly host: string;
  readonly requests: readonly Request[];
  /** Requests in flight (`value`) after each change. */
  readonly points: Series;
  readonly maxInFlight: number;
}

export type Lane = LoopLane | ThreadLane | PrimLane | HostLane | TaskLane;

/** A growable `Series` (the model's pass appends; `done()` gives the arrays). */
export class SeriesBuilder {
  private at: number[] = [];
  private value: number[] = [];
  private waiters: number[] = [];
  max = 0;
  maxWaiters = 0;

  push(at: number, value: number, waiters: number): void {
    this.at.push(at);
    this.value.push(value);
    this.waiters.push(waiters);
    if (value > this.max) this.max = value;
    if (waiters > this.maxWaiters) this.maxWaiters = waiters;
  }

  /** Replaces the last point (a change at the same order). */
  setLast(value: number, waiters: number): void {
    this.value[this.value.length - 1] = value;
    this.waiters[this.waiters.length - 1] = waiters;
    if (value > this.max) this.max = value;
  }

  get lastAt(): number {
    return this.at.length ? this.at[this.at.length - 1] : -1;
  }

  done(): Series {
    return { length: this.at.length, at: Int32Array.from(this.at), value: Float64Array.from(this.value), waiters: Int32Array.from(this.waiters) };
  }
}
