/**
 * The end of a recording: the recorder's columns (grown by doubling, and
 * reused by the next run) copied, at their used length, into a `Trace` of
 * their own; each task's name, coroutine, outcome and detail read from the
 * task once; and the rows put in time order where a worker thread's
 * events came early.
 *
 * Why that last step: an executor job runs its whole function at its start
 * instant (core/executor.ts), so a blocking request made inside it is
 * recorded at once, stamped with the thread's own clock: a second ahead of
 * the loop's events that follow it in recording order. Every reader wants
 * time order (the timeline draws on a time axis; a request is in flight
 * while the loop goes on), and the page checks that time never goes back
 * within a run, so the rows are sorted by time, stably, within each
 * `asyncio.run()`. (Time restarts at 0 for each run: runs stay in order.)
 */
import { excStr } from "../core/errors.ts";
import { pyReprSafe } from "../core/repr.ts";
import type { Task } from "../core/task.ts";
import type { Recorded } from "./recorder.ts";
import { CODE, TASK_OUTCOMES } from "./schema.ts";
import { codeHasFloat, codeHasList, timeGoesBackAt, Trace, type TraceColumns } from "./trace.ts";

const PENDING = TASK_OUTCOMES.indexOf("pending");

/** A `Trace` of what a recorder holds (copies: the recorder may be reset and reused). */
export function packTrace(r: Recorded): Trace {
  const e = r.events;
  const n = e.count;
  let rows: Rows = {
    kind: e.kind.slice(0, n),
    f: e.f.slice(0, n),
    line: e.line.slice(0, n),
    a: e.a.slice(0, n),
    b: e.b.slice(0, n),
    s: e.s.slice(0, n),
    timeFirst: r.times.first.slice(0, r.times.count),
    timeValue: r.times.time.slice(0, r.times.count),
    floats: r.floats.values.slice(0, r.floats.count),
    lists: r.lists.values.slice(0, r.lists.count),
  };
  if (timeGoesBackAt(rows) >= 0) rows = inTimeOrder(rows);

  const t = r.tasks;
  const m = t.count;
  const taskName = new Int32Array(m);
  const taskCoro = new Int32Array(m);
  const taskDetail = new Int32Array(m);
  const taskOutcome = new Uint8Array(m);
  for (let row = 0; row < m; row++) {
    const task = t.tasks[row] as Task;
    let outcome = PENDING;
    let detail = "";
    if (task.cancelled()) {
      outcome = 2;
      detail = task._cancelledExc?.message ?? "";
    } else if (task.done()) {
      outcome = task._hasException ? 1 : 0;
      detail = task._hasException ? excStr(task._exception) : pyReprSafe(task._result, 120);
    }
    taskName[row] = r.intern(task._name);
    taskCoro[row] = r.intern(task._coro?.qualname ?? "");
    taskDetail[row] = detail === "" ? -1 : r.intern(detail);
    taskOutcome[row] = outcome;
  }
  const prims = [...r.primitives];
  const primKind = Int32Array.from(prims, ([, p]) => r.intern(p.kind));
  const primLabel = Int32Array.from(prims, ([, p]) => r.intern(p.label));
  let endTime = 0;
  for (const x of rows.timeValue) if (x > endTime) endTime = x;
  const columns: TraceColumns = {
    ...rows,
    sleeps: r.sleeps.values.slice(0, r.sleeps.count),
    taskId: t.ids.slice(0, m),
    taskParent: t.parent.slice(0, m),
    taskRun: t.run.slice(0, m),
    taskLine: t.line.slice(0, m),
    taskName,
    taskCoro,
    taskDetail,
    taskCreatedAt: t.createdAt.slice(0, m),
    taskEndedAt: t.endedAt.slice(0, m),
    taskOutcome,
    primId: Int32Array.from(prims, ([id]) => id),
    primKind,
    primLabel,
    strings: r.strings.slice(),
    endTime,
    truncated: r.truncated,
  };
  return new Trace(columns);
}

type Rows = Pick<TraceColumns, "kind" | "f" | "line" | "a" | "b" | "s" | "timeFirst" | "timeValue" | "floats" | "lists">;

/** The rows stably sorted by time within each asyncio.run() (see the module comment), with their floats and id lists in the new order. */
export function inTimeOrder(rows: Rows): Rows {
  const n = rows.kind.length;
  const time = new Float64Array(n);
  for (let k = 0; k < rows.timeFirst.length; k++) time.fill(rows.timeValue[k], rows.timeFirst[k], k + 1 < rows.timeFirst.length ? rows.timeFirst[k + 1] : n);
  // Where each row's float and id list are, in recording order.
  const floatAt = new Int32Array(n).fill(-1);
  const listAt = new Int32Array(n).fill(-1);
  for (let i = 0, nf = 0, nl = 0; i < n; i++) {
    if (codeHasFloat(rows.kind[i])) floatAt[i] = nf++;
    else if (codeHasList(rows.kind[i], rows.f[i])) {
      listAt[i] = nl;
      nl += 1 + rows.lists[nl];
    }
  }
  const order: number[] = [];
  let from = 0;
  const flush = (to: number) => {
    const part = Array.from({ length: to - from }, (_, j) => from + j);
    part.sort((x, y) => time[x] - time[y] || x - y);
    for (const i of part) order.push(i);
    from = to;
  };
  for (let i = 1; i < n; i++) if (rows.kind[i] === CODE["run.start"]) flush(i);
  flush(n);

  const out = {
    kind: new Uint8Array(n),
    f: new Uint8Array(n),
    line: new Int32Array(n),
    a: new Int32Array(n),
    b: new Int32Array(n),
    s: new Int32Array(n),
  };
  const floats = new Float64Array(rows.floats.length);
  const lists = new Int32Array(rows.lists.length);
  const first: number[] = [];
  const value: number[] = [];
  let nf = 0;
  let nl = 0;
  for (let j = 0; j < n; j++) {
    const i = order[j];
    out.kind[j] = rows.kind[i];
    out.f[j] = rows.f[i];
    out.line[j] = rows.line[i];
    out.a[j] = rows.a[i];
    out.b[j] = rows.b[i];
    out.s[j] = rows.s[i];
    if (floatAt[i] >= 0) floats[nf++] = rows.floats[floatAt[i]];
    if (listAt[i] >= 0) {
      const len = 1 + rows.lists[listAt[i]];
      lists.set(rows.lists.subarray(listAt[i], listAt[i] + len), nl);
      nl += len;
    }
    if (j === 0 || time[i] !== value[value.length - 1]) {
      first.push(j);
      value.push(time[i]);
    }
  }
  return { ...out, timeFirst: Int32Array.from(first), timeValue: Float64Array.from(value), floats, lists };
}
