/**
 * Cutting a trace short: its first events, with the tasks and primitives
 * they name, as a trace of its own.
 *
 * A run stopped by a budget (steps, tasks, time) has usually spun in a
 * loop, and its trace runs to the recorder's cap: hundreds of thousands of
 * events of the same few steps. Sending all of that to the page costs time
 * on a busy machine, enough to miss the page's watchdog and lose the
 * output with it; the start of the loop shows what went wrong just as well.
 */
import { CODE, TASK_OUTCOMES } from "./schema.ts";
import { codeHasFloat, codeHasList, Trace } from "./trace.ts";

const PENDING = TASK_OUTCOMES.indexOf("pending");

/**
 * The first `maxEvents` events of `trace`, marked truncated; `trace` itself
 * if it is no longer. Tasks no kept event creates are left out, and a task
 * whose end is cut off is pending again. The kept columns are views of
 * `trace`'s (no copy).
 *
 * @example
 * const short = cutTrace(result.trace, 100_000);
 * short.truncated; // true if anything was cut
 */
export function cutTrace(trace: Trace, maxEvents: number): Trace {
  if (trace.count <= maxEvents) return trace;
  const c = trace.columns;
  const n = Math.max(0, maxEvents);
  const created = new Set<number>();
  const ended = new Set<number>();
  const prims = new Set<number>();
  let floats = 0;
  let lists = 0;
  for (let i = 0; i < n; i++) {
    const k = c.kind[i];
    if (k === CODE["task.create"]) created.add(c.a[i]);
    else if (k === CODE["task.done"]) ended.add(c.a[i]);
    else if (k === CODE.prim) prims.add(c.a[i]);
    if (codeHasFloat(k)) floats++;
    else if (codeHasList(k, c.f[i])) lists += 1 + c.lists[trace.aux[i]];
  }
  let times = 0;
  while (times < c.timeFirst.length && c.timeFirst[times] < n) times++;

  const rows: number[] = [];
  for (let r = 0; r < c.taskId.length; r++) if (created.has(c.taskId[r])) rows.push(r);
  const pick = <A extends Int32Array | Float64Array | Uint8Array>(col: A): A => (col.constructor as unknown as { from(x: ArrayLike<number>): A }).from(rows.map((r) => col[r]));
  const open = rows.map((r) => !ended.has(c.taskId[r]));
  const primRows = Array.from(c.primId.keys()).filter((r) => prims.has(c.primId[r]));
  return new Trace({
    ...c,
    kind: c.kind.subarray(0, n),
    f: c.f.subarray(0, n),
    line: c.line.subarray(0, n),
    a: c.a.subarray(0, n),
    b: c.b.subarray(0, n),
    s: c.s.subarray(0, n),
    timeFirst: c.timeFirst.subarray(0, times),
    timeValue: c.timeValue.subarray(0, times),
    floats: c.floats.subarray(0, floats),
    lists: c.lists.subarray(0, lists),
    taskId: pick(c.taskId),
    taskParent: pick(c.taskParent),
    taskRun: pick(c.taskRun),
    taskLine: pick(c.taskLine),
    taskName: pick(c.taskName),
    taskCoro: pick(c.taskCoro),
    taskDetail: pick(c.taskDetail).map((d, j) => (open[j] ? -1 : d)),
    taskCreatedAt: pick(c.taskCreatedAt),
    taskEndedAt: pick(c.taskEndedAt).map((t, j) => (open[j] ? NaN : t)),
    taskOutcome: pick(c.taskOutcome).map((o, j) => (open[j] ? PENDING : o)),
    primId: Int32Array.from(primRows, (r) => c.primId[r]),
    primKind: Int32Array.from(primRows, (r) => c.primKind[r]),
    primLabel: Int32Array.from(primRows, (r) => c.primLabel[r]),
    endTime: n > 0 ? trace.time[n - 1] : 0,
    truncated: true,
  });
}
