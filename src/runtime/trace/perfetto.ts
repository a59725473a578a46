/**
 * Export to the Trace Event Format (the JSON that Perfetto and
 * chrome://tracing open): one thread per task, one for the event loop
 * (blocked periods), one per executor worker, and HTTP requests as async
 * slices. Virtual seconds become microseconds.
 *
 * For long runs this is the way out of the page: the timeline shows a
 * lesson-sized run best, Perfetto handles a million events.
 */
import { TRACE_VERSION } from "./schema.ts";
import type { Trace } from "./trace.ts";

/** One Trace Event Format record. */
export interface TraceEventRecord {
  /** What the viewer labels it with. */
  name: string;
  /** Phase: X complete slice, i instant, M metadata, b/e async begin/end, C counter. */
  ph: "X" | "i" | "M" | "b" | "e" | "C";
  /** Start, in microseconds (virtual seconds × 10⁶). */
  ts: number;
  /** Process: always the one run. */
  pid: number;
  /** Thread: a task, the loop, an executor worker. */
  tid: number;
  /** Duration of an X slice, in microseconds. */
  dur?: number;
  /** Category (lets the viewer filter). */
  cat?: string;
  /** Pairs the b and e records of an async slice (an HTTP request). */
  id?: number;
  /** Scope of an instant: thread, process or global. */
  s?: "t" | "p" | "g";
  /** Details the viewer shows on selection. */
  args?: Record<string, unknown>;
}

/** The whole file: `{ traceEvents, displayTimeUnit }`. */
export interface TraceEventFile {
  /** The records. */
  traceEvents: TraceEventRecord[];
  /** How the viewer shows times. */
  displayTimeUnit: "ms";
  /** About the run (shown in the viewer's metadata). */
  otherData: Record<string, unknown>;
}

const PID = 1;
const LOOP_TID = 1;
const WORKER_TID = 1_000_000;
const us = (t: number) => Math.round(t * 1e9) / 1e3;

/** Converts a trace to Trace Event Format (made from the columns, one event object at a time). */
export function toTraceEventFormat(trace: Trace): TraceEventFile {
  const out: TraceEventRecord[] = [];
  const meta = (tid: number, name: string, sort: number) => {
    out.push({ name: "thread_name", ph: "M", ts: 0, pid: PID, tid, args: { name } });
    out.push({ name: "thread_sort_index", ph: "M", ts: 0, pid: PID, tid, args: { sort_index: sort } });
  };
  out.push({ name: "process_name", ph: "M", ts: 0, pid: PID, tid: 0, args: { name: "Async Lab run (virtual time)" } });
  meta(LOOP_TID, "event loop", 0);
  const tidOf = (task: number) => (task === 0 ? LOOP_TID : 1 + task);
  trace.tasks.forEach((t, i) => meta(tidOf(t.id), `${t.name} (${t.coro})`, i + 1));

  /** Per task: when the current state began and what it is. */
  const state = new Map<number, { since: number; name: string; cat: string }>();
  const close = (task: number, t: number) => {
    const s = state.get(task);
    if (s !== undefined && s.name !== "") out.push({ name: s.name, cat: s.cat, ph: "X", ts: us(s.since), dur: us(t) - us(s.since), pid: PID, tid: tidOf(task) });
    state.delete(task);
  };
  const workers = new Set<number>();
  const jobStart = new Map<number, number>();

  const prims = new Map(trace.primitives.map((p) => [p.id, p]));
  for (let i = 0; i < trace.count; i++) {
    const e = trace.event(i);
    switch (e.kind) {
      case "task.create":
        state.set(e.task, { since: e.t, name: "ready", cat: "ready" });
        break;
      case "task.wake":
        close(e.task, e.t);
        state.set(e.task, { since: e.t, name: "ready", cat: "ready" });
        break;
      case "step.begin":
        close(e.task, e.t);
        out.push({ name: "step", cat: "run", ph: "i", s: "t", ts: us(e.t), pid: PID, tid: tidOf(e.task), args: { line: e.line } });
        break;
      case "step.end":
        if (e.wait !== null) state.set(e.task, { since: e.t, name: `waits: ${e.wait.text}`, cat: e.wait.kind });
        break;
      case "task.done":
        close(e.task, e.t);
        out.push({ name: `done (${e.outcome})`, cat: "task", ph: "i", s: "t", ts: us(e.t), pid: PID, tid: tidOf(e.task) });
        break;
      case "loop.block":
        out.push({ name: `blocked: ${e.label}`, cat: "blocking", ph: "X", ts: us(e.t), dur: us(e.t + e.seconds) - us(e.t), pid: PID, tid: LOOP_TID, args: { line: e.line } });
        break;
      case "job.start":
        jobStart.set(e.job, e.t);
        if (!workers.has(e.worker)) {
          workers.add(e.worker);
          meta(WORKER_TID + e.worker, `executor worker ${e.worker}`, 100_000 + e.worker);
        }
        break;
      case "job.end": {
        const start = jobStart.get(e.job) ?? e.t;
        out.push({ name: e.label, cat: "executor", ph: "X", ts: us(start), dur: us(e.t) - us(start), pid: PID, tid: WORKER_TID + e.worker, args: { ok: e.ok } });
        break;
      }
      case "http.start":
        out.push({ name: `${e.method} ${e.url}`, cat: "http", ph: "b", id: e.req, ts: us(e.t), pid: PID, tid: tidOf(e.task), args: { host: e.host, blocking: e.blocking } });
        break;
      case "http.end":
        out.push({ name: "", cat: "http", ph: "e", id: e.req, ts: us(e.t), pid: PID, tid: LOOP_TID, args: { outcome: e.outcome } });
        break;
      case "prim": {
        const p = prims.get(e.prim);
        out.push({ name: p ? `${p.label} #${p.id}` : `primitive ${e.prim}`, ph: "C", ts: us(e.t), pid: PID, tid: 0, args: { value: e.value, waiters: e.waiters } });
        break;
      }
      case "print":
        out.push({ name: e.stream === "warning" ? "warning" : "print", cat: "output", ph: "i", s: "t", ts: us(e.t), pid: PID, tid: tidOf(e.task), args: { text: e.text, line: e.line } });
        break;
    }
  }
  for (const task of [...state.keys()]) close(task, trace.endTime);
  // http.end names must match their start for Perfetto to pair them
  const names = new Map<number, string>();
  for (const r of out) if (r.ph === "b" && r.id !== undefined) names.set(r.id, r.name);
  for (const r of out) if (r.ph === "e" && r.id !== undefined) r.name = names.get(r.id) ?? r.name;
  return { traceEvents: out, displayTimeUnit: "ms", otherData: { source: "Async Lab", version: TRACE_VERSION, truncated: trace.truncated } };
}
