/**
 * A task's lane, derived the first time it is read.
 *
 * A run of 10,000 tasks has some 70,000 segments and 20,000 marks, and a
 * view shows fifteen lanes. The model's one pass over the trace (model.ts)
 * only links each task's events into a list (`next`, one Int32Array for
 * the whole trace); a lane replays its own list when it is drawn, described
 * or tested, and keeps what it found. Everything a lane needs from outside
 * its own events, the model worked out in that pass: who woke the task at
 * each wake-up (`wakerAt`, from the task running at that moment) and the
 * labels of timers.
 *
 * Rejected: deriving every lane up front. It cost most of the time from a
 * trace to the first drawing, and allocated objects that live as long as
 * the run is shown, for lanes nobody scrolls to.
 */
import type { TaskInfo, TraceEvent, WaitInfo } from "../../runtime/trace-api.ts";
import type { Block, Handoff, Mark, Segment, TaskLane } from "./model.ts";

/** What a lane reads of the model while it derives itself. */
export interface LaneSource {
  /** Events in chronological order. */
  readonly events: readonly TraceEvent[];
  /** Per order: the next order in the same task's list (-1: the last). */
  readonly next: Int32Array;
  /** Per order of a task.wake: the task whose step woke it (0: the loop itself, a timer or I/O). */
  readonly wakerAt: Int32Array;
  /** The trace's end time (where a wait that never ended stops). */
  readonly endTime: number;
  labelOf(id: number): string | undefined;
}

interface Derived {
  readonly segments: Segment[];
  readonly marks: Mark[];
  readonly blocks: Block[];
  readonly handoffs: Handoff[];
}

const EPS = 1e-9;

export class LazyTaskLane implements TaskLane {
  readonly kind = "task";
  readonly key: string;
  readonly info: TaskInfo;
  /** First and last order of this task's event list (-1: none yet). */
  private head = -1;
  private tail = -1;
  private readonly src: LaneSource;
  private derived: Derived | null = null;

  constructor(info: TaskInfo, src: LaneSource) {
    this.info = info;
    this.key = `task:${info.id}`;
    this.src = src;
  }

  get segments(): Segment[] {
    return this.derive().segments;
  }

  get marks(): Mark[] {
    return this.derive().marks;
  }

  get blocks(): Block[] {
    return this.derive().blocks;
  }

  get handoffs(): Handoff[] {
    return this.derive().handoffs;
  }

  /** Adds the event at `order` to this lane's list (orders come in increasing). */
  link(order: number): void {
    if (this.tail >= 0) this.src.next[this.tail] = order;
    else this.head = order;
    this.tail = order;
  }

  /**
   * Replays the task's events: ready → running → waiting → ... → done.
   * `live` is false until the task is created (or first runs): events
   * before that only add marks.
   */
  private derive(): Derived {
    if (this.derived) return this.derived;
    const { events, next, wakerAt, endTime } = this.src;
    const n = events.length;
    const id = this.info.id;
    const segments: Segment[] = [];
    const marks: Mark[] = [];
    const blocks: Block[] = [];
    const handoffs: Handoff[] = [];

    let live = false;
    let state: "ready" | "running" | "waiting" | "done" = "ready";
    let since = 0;
    let wait: WaitInfo | null = null;
    let due: number | undefined;
    let timeout: string | undefined;
    let waker = 0;
    /** task.done came inside the current step. */
    let finished = false;
    /** Timers set since the current step began: the one behind a wait is the last with the wait's label. */
    const stepTimers: { readonly when: number; readonly label: string }[] = [];
    const start = (k: number, by: number) => {
      live = true;
      state = "ready";
      since = k;
      wait = null;
      due = undefined;
      timeout = undefined;
      waker = by;
      finished = false;
      stepTimers.length = 0;
    };
    const close = (to: number) => {
      if (state === "ready") segments.push({ kind: "ready", from: since, to, waker });
      else if (state === "running") segments.push({ kind: "running", from: since, to });
      else if (state === "waiting" && wait) {
        const t = to < n ? events[to].t : endTime;
        const late = due !== undefined && t - due > EPS && !timeout ? t - due : undefined;
        segments.push({ kind: "waiting", from: since, to, wait, due, late, timeout });
      }
    };

    for (let k = this.head; k >= 0; k = next[k]) {
      const e = events[k];
      switch (e.kind) {
        case "task.create":
          marks.push({ kind: "create", at: k, text: e.parent ? `created by ${this.src.labelOf(e.parent) ?? `task ${e.parent}`}` : "created by asyncio.run()" });
          start(k, e.parent);
          break;
        case "task.wake": {
          if (!live || state !== "waiting") break; // a wake while running is a sleep(0): ready when the step ends
          const by = wakerAt[k];
          close(k);
          state = "ready";
          since = k;
          waker = by;
          wait = null;
          if (by && by !== id) handoffs.push({ at: k, from: by, to: id });
          break;
        }
        case "step.begin":
          if (!live) start(k, 0);
          close(k);
          state = "running";
          since = k;
          stepTimers.length = 0;
          timeout = undefined;
          due = undefined;
          break;
        case "step.end":
          if (!live) break;
          close(k);
          since = k;
          if (finished || state === "done") {
            state = "done";
            break;
          }
          if (e.wait) {
            state = "waiting";
            wait = e.wait;
            for (let i = stepTimers.length - 1; i >= 0; i--) {
              if (stepTimers[i].label === e.wait.text) {
                due = stepTimers[i].when;
                break;
              }
            }
          } else {
            state = "ready";
            waker = id;
            wait = null;
          }
          break;
        case "task.done": {
          const info = this.info;
          const detail = e.outcome === "result" ? `returned ${info.detail}` : e.outcome === "error" ? `raised ${info.detail}` : `cancelled${info.detail ? `: ${info.detail}` : ""}`;
          marks.push({ kind: "done", at: k, outcome: e.outcome, text: detail });
          if (!live) break;
          // Inside its last step the task stays "running" until step.end closes the step.
          if (state === "running") finished = true;
          else {
            close(k);
            state = "done";
          }
          break;
        }
        case "timer.set":
          if (live) stepTimers.push({ when: e.when, label: e.label });
          break;
        case "timer.fire":
          // Only its own timeouts are linked here (model.ts).
          if (live && state === "waiting") {
            timeout = this.src.labelOf(e.timer) ?? "timeout";
            marks.push({ kind: "timeout", at: k, text: `${timeout} expired` });
          }
          break;
        case "loop.block":
          blocks.push({ at: k, t: e.t, seconds: e.seconds, label: e.label, task: e.task });
          break;
        case "print":
          marks.push({ kind: "print", at: k, text: e.text.replace(/\n$/, "") });
          break;
      }
    }
    if (live && state !== "done") close(n);
    this.derived = { segments, marks, blocks, handoffs };
    return this.derived;
  }
}
