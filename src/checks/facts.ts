/**
 * What the checks may know about a run: the one small interface between
 * exercise checks and the trace. The checks never read trace events
 * themselves; they ask these questions, and `factsOf` answers them from the
 * trace in one pass. When the trace changes form, only `factsOf` changes.
 */
import { CODE, type Trace } from "../runtime/trace-api.ts";

/** One printed line (a `print` can make several), or a warning. */
export interface PrintedLine {
  readonly text: string;
  /** Loop time it was printed at, seconds. */
  readonly time: number;
  readonly stream: "stdout" | "stderr" | "warning";
}

export interface TaskFact {
  readonly name: string;
  /** The coroutine's name: "main", "fetch"... */
  readonly coro: string;
  readonly outcome: "result" | "error" | "cancelled" | "pending";
  /** The result's repr, the error's "Name: message", the cancel message. */
  readonly detail: string;
}

export interface PrimitiveFact {
  /** "semaphore", "lock", "event", "condition", "queue". */
  readonly kind: string;
  /** "Semaphore(3)". */
  readonly label: string;
  /** Most tasks holding it at once (a semaphore's permits in use, a lock held: 1). */
  readonly maxHeld: number;
  /** Most tasks waiting on it at once. */
  readonly maxWaiters: number;
}

export interface RequestFact {
  readonly host: string;
  readonly method: string;
  readonly url: string;
  /** "200 OK", "429 Too Many Requests", "ConnectionError", "timeout", "cancelled"; "" if it never ended. */
  readonly outcome: string;
  /** A blocking client's (`requests`) request. */
  readonly blocking: boolean;
}

/** The facts of one run. */
export interface RunFacts {
  /** The program's source, as run. */
  readonly source: string;
  /** Loop time at the end of the run, seconds. */
  readonly endTime: number;
  /** The uncaught error, or a budget that stopped the run; null if it ran to the end. */
  readonly error: { readonly kind: "compile" | "runtime" | "limit"; readonly name: string; readonly message: string } | null;
  /** Every printed line, in order, warnings included. */
  readonly lines: readonly PrintedLine[];
  /** Every task (asyncio.run's own shutdown work is not traced, so not here). */
  readonly tasks: readonly TaskFact[];
  readonly requests: readonly RequestFact[];
  /** Most requests in flight at once, per host. */
  readonly inFlight: ReadonlyMap<string, number>;
  /** Periods the loop was blocked (time.sleep, requests.get in a coroutine). */
  readonly blocks: readonly { readonly t: number; readonly seconds: number; readonly label: string }[];
  /** How late each timer that fired was, seconds (0: on time). */
  readonly lateness: readonly { readonly label: string; readonly due: number; readonly late: number }[];
  readonly primitives: readonly PrimitiveFact[];
  /** Executor jobs (runInExecutor, toThread) that ran. */
  readonly jobs: number;
  /** What tasks waited on, by kind ("gather", "taskgroup", "shield", "semaphore", ...). */
  readonly waitKinds: ReadonlySet<string>;
  /** Labels of the timers that were set ("sleep 1 s", "timeout 2 s"...). */
  readonly timerLabels: ReadonlySet<string>;
  /** True if the trace stops early (at the recorder's cap, or cut because a budget stopped the run): the facts from events cover its start only. */
  readonly truncated: boolean;
}

/** A finished run, as the sandbox returns it (only what the checks read). */
export interface RunRecord {
  readonly output: readonly { readonly text: string; readonly stream: "stdout" | "stderr" | "warning"; readonly time: number }[];
  readonly error: { readonly kind: "compile" | "runtime" | "limit"; readonly name: string; readonly message: string } | null;
  readonly trace: Trace | null;
}

/** Cuts output into lines as the output panel does: a `print(..., { end: "" })` continues the line. */
export function linesOf(output: RunRecord["output"]): PrintedLine[] {
  const lines: PrintedLine[] = [];
  let open: { text: string; time: number; stream: PrintedLine["stream"] } | null = null;
  for (const item of output) {
    if (item.stream === "warning") {
      open = null;
      lines.push({ text: item.text.replace(/\n$/, ""), time: item.time, stream: "warning" });
      continue;
    }
    const parts = item.text.split("\n");
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      if (last && part === "") return;
      if (open === null || open.stream !== item.stream) {
        open = { text: "", time: item.time, stream: item.stream };
        lines.push(open);
      }
      open.text += part;
      if (!last) open = null;
    });
  }
  return lines;
}

/** Answers the checks' questions about `run` from its trace (one pass over the events). */
export function factsOf(run: RunRecord, source: string): RunFacts {
  const trace = run.trace;
  const inFlight = new Map<string, number>();
  const open = new Map<string, number>();
  const reqs = new Map<number, { host: string; method: string; url: string; outcome: string; blocking: boolean }>();
  const blocks: { t: number; seconds: number; label: string }[] = [];
  const timers = new Map<number, { label: string; due: number }>();
  const lateness: { label: string; due: number; late: number }[] = [];
  const timerLabels = new Set<string>();
  const waitKinds = new Set<string>();
  const prims = new Map<number, { kind: string; label: string; capacity: number | null; maxHeld: number; maxWaiters: number }>();
  let jobs = 0;
  for (const p of trace?.primitives ?? []) {
    const n = /\((\d+)\)/.exec(p.label);
    prims.set(p.id, { kind: p.kind, label: p.label, capacity: n ? Number(n[1]) : null, maxHeld: 0, maxWaiters: 0 });
  }
  // The kinds asked about, as objects (read from the trace's columns); the others are passed over by their code.
  const asked = new Set<number>([CODE["http.start"], CODE["http.end"], CODE["loop.block"], CODE["timer.set"], CODE["timer.fire"], CODE["step.end"], CODE["job.start"], CODE.prim]);
  for (let i = 0; trace !== null && i < trace.count; i++) {
    if (!asked.has(trace.code(i))) continue;
    const e = trace.event(i);
    switch (e.kind) {
      case "http.start": {
        reqs.set(e.req, { host: e.host, method: e.method, url: e.url, outcome: "", blocking: e.blocking });
        const now = (open.get(e.host) ?? 0) + 1;
        open.set(e.host, now);
        inFlight.set(e.host, Math.max(inFlight.get(e.host) ?? 0, now));
        break;
      }
      case "http.end": {
        const r = reqs.get(e.req);
        if (!r) break;
        r.outcome = e.outcome;
        open.set(r.host, (open.get(r.host) ?? 1) - 1);
        break;
      }
      case "loop.block":
        blocks.push({ t: e.t, seconds: e.seconds, label: e.label });
        break;
      case "timer.set":
        timers.set(e.timer, { label: e.label, due: e.when });
        timerLabels.add(e.label);
        break;
      case "timer.fire": {
        const tm = timers.get(e.timer);
        if (tm) lateness.push({ label: tm.label, due: tm.due, late: Math.max(0, e.t - tm.due) });
        break;
      }
      case "step.end":
        if (e.wait) waitKinds.add(e.wait.kind);
        break;
      case "job.start":
        jobs++;
        break;
      case "prim": {
        const p = prims.get(e.prim);
        if (!p) break;
        p.maxWaiters = Math.max(p.maxWaiters, e.waiters);
        // Held: a semaphore's permits in use (capacity - free); a lock: 1 while held (value 0).
        const held = p.kind === "semaphore" && p.capacity !== null ? p.capacity - e.value : p.kind === "lock" || p.kind === "condition" ? (e.value > 0 ? 0 : 1) : 0;
        p.maxHeld = Math.max(p.maxHeld, held);
        break;
      }
    }
  }
  const tasks = (trace?.tasks ?? []).map((t) => ({ name: t.name, coro: t.coro, outcome: t.outcome, detail: t.detail }));
  return {
    source,
    endTime: trace?.endTime ?? run.output.reduce((m, o) => Math.max(m, o.time), 0),
    error: run.error ? { kind: run.error.kind, name: run.error.name, message: run.error.message } : null,
    lines: linesOf(run.output),
    tasks,
    requests: [...reqs.values()],
    inFlight,
    blocks,
    lateness,
    primitives: [...prims.values()].map(({ kind, label, maxHeld, maxWaiters }) => ({ kind, label, maxHeld, maxWaiters })),
    jobs,
    waitKinds,
    timerLabels,
    truncated: trace?.truncated ?? false,
  };
}
