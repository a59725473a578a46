/**
 * Events in words, for the table view, the live narration and tooltips.
 * Plain strings (inserted as text, never HTML): task names and printed
 * text come from learner code.
 */
import { CODE } from "../../runtime/trace-api.ts";
import { shortUrl, type TimelineModel } from "./model/model.ts";
import { lowerBound } from "./model/search.ts";
import { fmtDuration, fmtTime } from "./scale.ts";

export interface Described {
  /** Who: a task name, "event loop", "thread 0", a primitive or a host. */
  readonly who: string;
  /** What, short: "runs", "waits", "is ready", "prints"... */
  readonly what: string;
  /** Details: what it waits on, what it printed, how it ended. */
  readonly detail: string;
}

/** Quotes printed text for a sentence, shortened. */
export function quote(text: string, max = 60): string {
  const one = text.replace(/\n$/, "").replace(/\n/g, " ⏎ ");
  return `“${one.length > max ? `${one.slice(0, max - 1)}…` : one}”`;
}

/** The event at `order`, in words. */
export function describe(model: TimelineModel, order: number): Described {
  const e = model.trace.event(order);
  const name = (id: number) => model.taskName(id) || `task ${id}`;
  const label = (id: number, fallback: string) => model.labels.get(id) ?? fallback;
  switch (e.kind) {
    case "run.start":
      return { who: "event loop", what: "starts", detail: `asyncio.run() starts the event loop${e.run ? ` (run ${e.run + 1})` : ""}` };
    case "run.end":
      return { who: "event loop", what: "stops", detail: `asyncio.run() returns after ${fmtTime(e.t)} of loop time` };
    case "task.create": {
      const info = model.taskLanes.get(e.task)?.info;
      const by = e.parent ? name(e.parent) : "asyncio.run()";
      if (e.eager) return { who: name(e.task), what: "created", detail: `task for ${info?.coro ?? "?"}(), created by ${by} with an eager start: it runs at once, inside this call, and never enters the ready queue` };
      return { who: name(e.task), what: "created", detail: `task for ${info?.coro ?? "?"}(), created by ${by}; joins the ready queue` };
    }
    case "task.wake": {
      const eager = eagerReturn(model, order);
      if (eager) return { who: name(e.task), what: "goes on", detail: `${name(eager)} has taken its first step: createTask returns and ${name(e.task)} goes on where it was, in the same step (it never was on the ready queue)` };
      return { who: name(e.task), what: "is ready", detail: `joins the ready queue${wakeCause(model, order)}` };
    }
    case "step.begin": {
      const { kind, a, b } = model.trace.columns;
      const at = e.line ? ` at line ${e.line}` : "";
      if (order > 0 && kind[order - 1] === CODE["step.end"] && model.trace.waitKind(order - 1) === "eager" && b[order - 1] === e.task) {
        return { who: name(e.task), what: "runs", detail: `${name(e.task)} starts at once, inside ${name(a[order - 1])}'s createTask call${at}` };
      }
      if (order > 0 && kind[order - 1] === CODE["task.wake"] && a[order - 1] === e.task && eagerReturn(model, order - 1)) {
        return { who: name(e.task), what: "runs", detail: `${name(e.task)} goes on after createTask${at}` };
      }
      return { who: name(e.task), what: "runs", detail: `the loop resumes ${name(e.task)}${at}` };
    }
    case "step.end": {
      const creator = eagerCreator(model, order);
      if (creator) {
        const back = `back to ${name(creator)}, whose createTask call returns`;
        if (e.wait) return { who: name(e.task), what: "waits", detail: `awaits ${e.wait.text}: its eager first step is over; control goes ${back}` };
        return { who: name(e.task), what: "yields", detail: isDone(model, e.task, order) ? `its first and last step ends; control goes ${back}` : `its eager first step is over; control goes ${back}` };
      }
      if (e.wait?.kind === "eager") return { who: name(e.task), what: "hands over", detail: `its createTask starts ${name(e.wait.target)} eagerly: ${name(e.wait.target)} runs now, inside ${name(e.task)}'s call, until it first waits` };
      if (e.wait) return { who: name(e.task), what: "waits", detail: `awaits ${e.wait.text}; gives control back to the loop` };
      return { who: name(e.task), what: "yields", detail: isDone(model, e.task, order) ? "its last step ends" : "gives control back, ready to run again" };
    }
    case "task.done": {
      const info = model.taskLanes.get(e.task)?.info;
      const detail = e.outcome === "result" ? `finished, returned ${info?.detail ?? "?"}` : e.outcome === "error" ? `failed: ${info?.detail ?? "error"}` : "was cancelled";
      return { who: name(e.task), what: e.outcome === "result" ? "done" : e.outcome === "error" ? "error" : "cancelled", detail };
    }
    case "timer.set":
      return { who: e.task ? name(e.task) : "event loop", what: "timer set", detail: `${e.label}, due at ${fmtTime(e.when)}` };
    case "timer.fire":
      return { who: "event loop", what: "timer fires", detail: label(e.timer, "timer") };
    case "timer.cancel":
      return { who: "event loop", what: "timer cancelled", detail: label(e.timer, "timer") };
    case "loop.block":
      return { who: e.task ? name(e.task) : "event loop", what: "blocks the loop", detail: `${e.label} freezes the loop for ${fmtDuration(e.seconds)}: nothing else can run` };
    case "job.queue":
      return { who: "executor", what: "job queued", detail: `${e.label} waits for a worker thread` };
    case "job.start":
      return { who: `thread ${e.worker}`, what: "job starts", detail: `${e.label} runs on worker thread ${e.worker}` };
    case "job.end":
      return { who: `thread ${e.worker}`, what: e.ok ? "job done" : "job failed", detail: `${e.label} ${e.ok ? "returned" : "raised"}` };
    case "http.start":
      return {
        who: e.task ? name(e.task) : "thread",
        what: "request sent",
        detail: `${e.method} ${shortUrl(e.url)}${e.blocking ? " (blocking: requests)" : ""}`,
      };
    case "http.end":
      return { who: hostOf(model, e.req), what: "response", detail: `${label(e.req, "request")} → ${e.outcome}` };
    case "prim": {
      const kind = model.trace.primitives.find((p) => p.id === e.prim)?.kind ?? "primitive";
      return { who: label(e.prim, "primitive"), what: "state", detail: primText(kind, e.value, e.waiters) };
    }
    case "print":
      return {
        who: e.task ? name(e.task) : "main thread",
        what: e.stream === "warning" ? "warning" : e.stream === "stderr" ? "prints (stderr)" : "prints",
        detail: quote(e.text, 200),
      };
  }
}

/**
 * The same, from most to least said, for a label with little room: what
 * matters when tasks queue is how many wait ("7 waiting", then "7 w").
 */
export function primTexts(kind: string, value: number, waiters: number): string[] {
  const full = primText(kind, value, waiters);
  return waiters > 0 ? [full, `${waiters} waiting`, `${waiters} w`] : [full];
}

/** "2 free · 7 waiting", "held · 1 waiting", "set", "3 items". */
export function primText(kind: string, value: number, waiters: number): string {
  let v: string;
  switch (kind) {
    case "semaphore":
      v = `${value} free`;
      break;
    case "lock":
    case "condition":
      v = value > 0 ? "free" : "held";
      break;
    case "event":
      v = value > 0 ? "set" : "not set";
      break;
    case "queue":
      v = `${value} ${value === 1 ? "item" : "items"}`;
      break;
    default:
      v = String(value);
  }
  return waiters > 0 ? `${v} · ${waiters} waiting` : v;
}

function hostOf(model: TimelineModel, req: number): string {
  for (const lane of model.lanes) if (lane.kind === "host" && lane.requests.some((r) => r.req === req)) return lane.host;
  return "network";
}

function isDone(model: TimelineModel, task: number, order: number): boolean {
  const { kind, a } = model.trace.columns;
  for (let k = order - 1; k >= 0 && k >= order - 64; k--) {
    if (kind[k] === CODE["task.done"] && a[k] === task) return true;
    if (kind[k] === CODE["step.begin"] && a[k] === task) return false;
  }
  return false;
}

/**
 * The task in `slot`'s last step.end before `order`, or -1 if its last
 * step.begin (or, with `wakeStops`, a task.wake) comes after it.
 */
function lastStepEnd(model: TimelineModel, slot: number, order: number, wakeStops: boolean): number {
  const { kind } = model.trace.columns;
  const start = model.taskStart[slot];
  const events = model.taskEvents;
  for (let j = start + lowerBound(model.taskStart[slot + 1] - start, order, (i) => events[start + i]) - 1; j >= start; j--) {
    const k = events[j];
    if (kind[k] === CODE["step.end"]) return k;
    if (kind[k] === CODE["step.begin"] || (wakeStops && kind[k] === CODE["task.wake"])) return -1;
  }
  return -1;
}

/** For a step.end that ends an eager task's first step: the task whose createTask call it ran in (its creator, waiting on its eager start); else 0. */
function eagerCreator(model: TimelineModel, order: number): number {
  const task = model.trace.columns.a[order];
  const parent = model.taskLanes.get(task)?.info.parent ?? 0;
  const slot = parent ? model.slotOf(parent) : -1;
  if (slot < 0) return 0;
  const k = lastStepEnd(model, slot, order, true);
  return k >= 0 && model.trace.waitKind(k) === "eager" && model.trace.columns.b[k] === task ? parent : 0;
}

/** For a task.wake that ends an eager hand-over (the creator goes on once the eager task's first step is over): the eager task; else 0. */
function eagerReturn(model: TimelineModel, order: number): number {
  const { a, b } = model.trace.columns;
  const slot = model.slotOf(a[order]);
  if (slot < 0) return 0;
  // The woken task's last step.end before this wake: on "eager start of" the waker?
  const k = lastStepEnd(model, slot, order, false);
  return k >= 0 && model.trace.waitKind(k) === "eager" && b[k] === b[order] ? b[k] : 0;
}

/** ", woken by Task-3" / ", its timer (sleep 1 s) fired" / ", GET x answered". */
function wakeCause(model: TimelineModel, order: number): string {
  const { a, b } = model.trace.columns;
  const e = { task: a[order], cause: b[order] };
  const lane = model.taskLanes.get(e.task);
  const segs = lane?.segments ?? [];
  // Segments are in order and touch: the one that starts here, and the one before it.
  const i = lowerBound(segs.length, order, (j) => segs[j].from);
  const seg = segs[i]?.from === order && segs[i].kind === "ready" ? segs[i] : undefined;
  if (seg?.waker && seg.waker !== e.task) {
    const cause = e.cause && model.labels.has(e.cause) && e.cause !== seg.waker ? ` (${model.labels.get(e.cause)})` : "";
    return `: ${model.taskName(seg.waker)} woke it${cause}`;
  }
  if (e.cause && model.labels.has(e.cause)) return `: ${model.labels.get(e.cause)} is ready for it`;
  const prev = segs[i - 1];
  const before = prev?.kind === "waiting" && prev.to === order ? prev : undefined;
  if (before?.timeout) return `: ${before.timeout} expired`;
  if (before?.wait) return `: ${before.wait.text} is over`;
  return "";
}

