/**
 * Turns the recorder's packed columns into the plain `Trace` (schema.ts).
 *
 * Column meanings per kind (a, b, s, f; x is the event's entry in the
 * recorder's `floats`, for the three kinds that have one):
 *   run.start/end   a=run
 *   task.create     a=task b=parent
 *   task.wake       a=task b=cause id
 *   step.begin      a=task
 *   step.end        a=task b=wait target s=wait text f=wait kind index (0: not waiting)
 *   task.done       a=task f=outcome (0 result, 1 error, 2 cancelled)
 *   timer.set       a=timer b=task x=when s=label
 *   timer.fire/cancel a=timer
 *   loop.block      a=task x=seconds s=label
 *   job.*           a=job b=worker s=label f=ok
 *   http.start      a=req b=task s="method\0url\0host" f=blocking
 *   http.end        a=req s=outcome
 *   prim            a=primitive b=waiters x=value
 *   print           a=task s=text f=stream (0 stdout, 1 stderr, 2 warning)
 */
import { excStr } from "../core/errors.ts";
import { sleepLabel } from "../core/labels.ts";
import { pyReprSafe } from "../core/repr.ts";
import type { Task } from "../core/task.ts";
import type { TaskColumns } from "./columns.ts";
import type { Recorded } from "./recorder.ts";
import { K } from "./recorder.ts";
import { type PrimitiveInfo, type TaskInfo, type Trace, type TraceEvent, TRACE_VERSION } from "./schema.ts";

const OUTCOMES = ["result", "error", "cancelled"] as const;
const STREAMS = ["stdout", "stderr", "warning"] as const;

function taskInfo(rows: TaskColumns, row: number): TaskInfo {
  const task = rows.tasks[row] as Task;
  let outcome: TaskInfo["outcome"] = "pending";
  let detail = "";
  if (task.cancelled()) {
    outcome = "cancelled";
    const msg = task._cancelledExc?.message ?? "";
    detail = msg;
  } else if (task.done()) {
    if (task._hasException) {
      outcome = "error";
      detail = excStr(task._exception);
    } else {
      outcome = "result";
      detail = pyReprSafe(task._result, 120);
    }
  }
  const endedAt = rows.endedAt[row];
  return {
    id: task._id,
    name: task._name,
    coro: task._coro?.qualname ?? "",
    parent: rows.parent[row],
    run: rows.run[row],
    createdAt: rows.createdAt[row],
    line: rows.line[row],
    endedAt: endedAt === endedAt ? endedAt : null,
    outcome,
    detail,
  };
}

/** The plain trace of what a recorder holds. */
export function buildTrace(r: Recorded): Trace {
  const c = r.events;
  const waitKinds = r.waitKinds;
  const events: TraceEvent[] = new Array(c.count);
  const sleepTexts = new Map<number, string>();
  const str = (i: number): string => {
    if (i >= 0) return r.strings[i];
    if (i === -1) return "";
    const seconds = r.sleeps[-2 - i];
    let text = sleepTexts.get(seconds);
    if (text === undefined) sleepTexts.set(seconds, (text = sleepLabel(seconds)));
    return text;
  };
  const times = r.times;
  const floats = r.floats.values;
  let nextRun = 0;
  let nextFloat = 0;
  let t = 0;
  let endTime = 0;
  for (let i = 0; i < c.count; i++) {
    const seq = i;
    while (nextRun < times.count && times.first[nextRun] <= i) t = times.time[nextRun++];
    const line = c.line[i];
    const a = c.a[i];
    const b = c.b[i];
    if (t > endTime) endTime = t;
    let e: TraceEvent;
    switch (c.kind[i]) {
      case K.runStart:
        e = { seq, t, line, kind: "run.start", run: a };
        break;
      case K.runEnd:
        e = { seq, t, line, kind: "run.end", run: a };
        break;
      case K.taskCreate:
        e = { seq, t, line, kind: "task.create", task: a, parent: b };
        break;
      case K.taskWake:
        e = { seq, t, line, kind: "task.wake", task: a, cause: b };
        break;
      case K.stepBegin:
        e = { seq, t, line, kind: "step.begin", task: a };
        break;
      case K.stepEnd: {
        const k = c.f[i];
        e = { seq, t, line, kind: "step.end", task: a, wait: k === 0 ? null : { kind: waitKinds[k - 1] ?? "other", text: str(c.s[i]), target: b } };
        break;
      }
      case K.taskDone:
        e = { seq, t, line, kind: "task.done", task: a, outcome: OUTCOMES[c.f[i]] };
        break;
      case K.timerSet:
        e = { seq, t, line, kind: "timer.set", timer: a, task: b, when: floats[nextFloat++], label: str(c.s[i]) };
        break;
      case K.timerFire:
        e = { seq, t, line, kind: "timer.fire", timer: a };
        break;
      case K.timerCancel:
        e = { seq, t, line, kind: "timer.cancel", timer: a };
        break;
      case K.loopBlock:
        e = { seq, t, line, kind: "loop.block", task: a, seconds: floats[nextFloat++], label: str(c.s[i]) };
        break;
      case K.jobQueue:
      case K.jobStart:
      case K.jobEnd: {
        const kind = c.kind[i] === K.jobQueue ? "job.queue" : c.kind[i] === K.jobStart ? "job.start" : "job.end";
        e = { seq, t, line, kind, job: a, worker: b, label: str(c.s[i]), ok: c.f[i] === 1 || kind !== "job.end" };
        break;
      }
      case K.httpStart: {
        const [method, url, host] = str(c.s[i]).split("\u0000");
        e = { seq, t, line, kind: "http.start", req: a, task: b, method, url, host, blocking: c.f[i] === 1 };
        break;
      }
      case K.httpEnd:
        e = { seq, t, line, kind: "http.end", req: a, outcome: str(c.s[i]) };
        break;
      case K.prim:
        e = { seq, t, line, kind: "prim", prim: a, waiters: b, value: floats[nextFloat++] };
        break;
      default:
        e = { seq, t, line, kind: "print", task: a, text: str(c.s[i]), stream: STREAMS[c.f[i]] };
    }
    events[i] = e;
  }
  const prims: PrimitiveInfo[] = [...r.primitives].map(([id, p]) => ({ id, kind: p.kind, label: p.label }));
  const tasks: TaskInfo[] = [];
  for (let row = 0; row < r.tasks.count; row++) tasks.push(taskInfo(r.tasks, row));
  return { version: TRACE_VERSION, tasks, primitives: prims, events, endTime, truncated: r.truncated };
}
