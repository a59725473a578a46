/**
 * A task's lane, derived the first time it is read.
 *
 * A run of 10,000 tasks has some 70,000 segments and 20,000 marks, and a
 * view shows fifteen lanes. The model (model.ts) only indexes each task's
 * events (its range of orders); a lane replays its own range when it is
 * drawn, described or tested, and keeps what it found. Everything a lane
 * needs from outside its own events, the model worked out in its pass:
 * who woke the task at each wake-up (`wakerAt`) and the labels of timers.
 *
 * Rejected: deriving every lane up front. It cost most of the time from a
 * trace to the first drawing, and allocated objects that live as long as
 * the run is shown, for lanes nobody scrolls to.
 */
import { CODE, DONE_OUTCOMES, type TaskInfo, type Trace, type WaitInfo } from "../../../runtime/trace-api.ts";
import { type Block, blockAt, type Handoff, type Mark, type Segment, type TaskLane } from "./lanes.ts";

/** What a lane reads of the model while it derives itself. */
export interface LaneSource {
  readonly trace: Trace;
  /** Per order: its time on the axis (the model's `axis`: runs after the first start where the last ended). */
  readonly axis: Float64Array;
  /** The orders of each task's events: slot s has `events[start[s] .. start[s + 1])`. */
  readonly start: Int32Array;
  readonly events: Int32Array;
  /** Per order of a task.wake: the task whose step woke it (0: the loop itself, a timer or I/O). */
  readonly wakerAt: Int32Array;
  /** Where a wait that never ended stops (the model's end time). */
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
  /** Its slot in the model's index of task events. */
  readonly slot: number;
  private readonly src: LaneSource;
  private derived: Derived | null = null;

  constructor(info: TaskInfo, slot: number, src: LaneSource) {
    this.info = info;
    this.key = `task:${info.id}`;
    this.slot = slot;
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

  /**
   * Replays the task's events: ready → running → waiting → ... → done.
   * `live` is false until the task is created (or first runs): events
   * before that only add marks.
   */
  private derive(): Derived {
    if (this.derived) return this.derived;
    const { trace, axis, start: first, events, wakerAt, endTime } = this.src;
    const { kind, a, b } = trace.columns;
    const n = trace.count;
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
    const begin = (k: number, by: number) => {
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
        const t = to < n ? axis[to] : endTime;
        const late = due !== undefined && t - due > EPS && !timeout ? t - due : undefined;
        segments.push({ kind: "waiting", from: since, to, wait, due, late, timeout });
      }
    };

    for (let j = first[this.slot]; j < first[this.slot + 1]; j++) {
      const k = events[j];
      switch (kind[k]) {
        case CODE["task.create"]: {
          const parent = b[k];
          marks.push({ kind: "create", at: k, text: parent ? `created by ${this.src.labelOf(parent) ?? `task ${parent}`}` : "created by asyncio.run()" });
          begin(k, parent);
          break;
        }
        case CODE["task.wake"]: {
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
        case CODE["step.begin"]:
          if (!live) begin(k, 0);
          close(k);
          state = "running";
          since = k;
          stepTimers.length = 0;
          timeout = undefined;
          due = undefined;
          break;
        case CODE["step.end"]: {
          if (!live) break;
          close(k);
          since = k;
          if (finished || state === "done") {
            state = "done";
            break;
          }
          const w = trace.wait(k);
          if (w) {
            state = "waiting";
            wait = w;
            for (let i = stepTimers.length - 1; i >= 0; i--) {
              if (stepTimers[i].label === w.text) {
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
        }
        case CODE["task.done"]: {
          const outcome = DONE_OUTCOMES[trace.columns.f[k]];
          const info = this.info;
          const detail = outcome === "result" ? `returned ${info.detail}` : outcome === "error" ? `raised ${info.detail}` : `cancelled${info.detail ? `: ${info.detail}` : ""}`;
          marks.push({ kind: "done", at: k, outcome, text: detail });
          if (!live) break;
          // Inside its last step the task stays "running" until step.end closes the step.
          if (state === "running") finished = true;
          else {
            close(k);
            state = "done";
          }
          break;
        }
        case CODE["timer.set"]:
          if (live) stepTimers.push({ when: axis[k] + trace.x(k) - trace.t(k), label: trace.text(k) });
          break;
        case CODE["timer.fire"]:
          // Only its own timeouts are linked here (model.ts).
          if (live && state === "waiting") {
            timeout = this.src.labelOf(a[k]) ?? "timeout";
            marks.push({ kind: "timeout", at: k, text: `${timeout} expired` });
          }
          break;
        case CODE["loop.block"]:
          blocks.push(blockAt(trace, axis, k));
          break;
        case CODE.print:
          marks.push({ kind: "print", at: k, text: trace.text(k).replace(/\n$/, "") });
          break;
      }
    }
    if (live && state !== "done") close(n);
    this.derived = { segments, marks, blocks, handoffs };
    return this.derived;
  }
}
