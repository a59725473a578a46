/** Real traces for the timeline's tests: lesson examples run through the one snippet pipeline. */
import { readFileSync } from "node:fs";
import type { TimelineModel } from "../../../src/components/timeline/model/model.ts";
import type { Trace, TraceEvent } from "../../../src/runtime/trace-api.ts";
import { runSnippet } from "../../../src/sandbox/run.ts";

const cache = new Map<string, Trace>();

/** The trace of `src/content/examples/<path>.ts`. */
export function exampleTrace(path: string): Trace {
  let trace = cache.get(path);
  if (!trace) {
    trace = traceOf(readFileSync(`src/content/examples/${path}.ts`, "utf8"));
    cache.set(path, trace);
  }
  return trace;
}

/** The trace of a snippet. */
export function traceOf(source: string): Trace {
  const result = runSnippet(source);
  if (!result.trace) throw new Error(`no trace: ${result.error?.text}`);
  return result.trace;
}

const events = new WeakMap<object, TraceEvent[]>();

/** The model's events as objects (made once per model): tests read them by order. */
export function eventsOf(m: TimelineModel): TraceEvent[] {
  let e = events.get(m);
  if (!e) events.set(m, (e = m.trace.events()));
  return e;
}
