/**
 * Cutting a trace short: its first events, with the tasks and primitives
 * they name, as a trace of its own.
 *
 * A run stopped by a budget (steps, tasks, time) has usually spun in a
 * loop, and its trace runs to the recorder's cap: hundreds of thousands of
 * events of the same few steps. Sending all of that to the page costs
 * seconds on a busy machine, enough to miss the page's watchdog and lose
 * the output with it; the start of the loop shows what went wrong just as
 * well.
 */
import type { PrimitiveInfo, TaskInfo, Trace } from "./schema.ts";

/**
 * The first `maxEvents` events of `trace`, marked truncated; `trace` itself
 * if it is no longer. Tasks no kept event creates are left out, and a task
 * whose end is cut off is pending again.
 *
 * @example
 * const short = cutTrace(result.trace, 100_000);
 * short.truncated; // true if anything was cut
 */
export function cutTrace(trace: Trace, maxEvents: number): Trace {
  if (trace.events.length <= maxEvents) return trace;
  const events = trace.events.slice(0, Math.max(0, maxEvents));
  const created = new Set<number>();
  const ended = new Set<number>();
  const prims = new Set<number>();
  for (const e of events) {
    if (e.kind === "task.create") created.add(e.task);
    else if (e.kind === "task.done") ended.add(e.task);
    else if (e.kind === "prim") prims.add(e.prim);
  }
  const tasks: TaskInfo[] = [];
  for (const t of trace.tasks) {
    if (!created.has(t.id)) continue;
    tasks.push(ended.has(t.id) ? t : { ...t, endedAt: null, outcome: "pending", detail: "" });
  }
  const primitives: PrimitiveInfo[] = trace.primitives.filter((p) => prims.has(p.id));
  const endTime = events.length ? events[events.length - 1].t : 0;
  return { version: trace.version, tasks, primitives, events, endTime, truncated: true };
}
