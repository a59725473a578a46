/**
 * The trace as one JSON document (`async-lab run --trace out.json`): an
 * object per event, made from the columns when asked for (docs/trace.md,
 * "The JSON form").
 */
import { type PrimitiveInfo, type TaskInfo, type TraceEvent, TRACE_VERSION } from "./schema.ts";
import type { Trace } from "./trace.ts";

/** The JSON form of a trace. */
export interface TraceJson {
  /** The schema version it follows (`TRACE_VERSION`). */
  readonly version: typeof TRACE_VERSION;
  /** Every task of the run, in creation order. */
  readonly tasks: readonly TaskInfo[];
  /** Semaphores, locks, events, conditions, queues and barriers that changed state. */
  readonly primitives: readonly PrimitiveInfo[];
  /** Events in the order they happened (`seq` increasing). */
  readonly events: readonly TraceEvent[];
  /** Virtual time of the last event. */
  readonly endTime: number;
  /** True if recording stopped at the event cap; `events` then holds the first ones only. */
  readonly truncated: boolean;
}

/**
 * The JSON form of `trace`. (A deadline of `sleep(Infinity)` is `Infinity`,
 * which `JSON.stringify` writes as null.)
 * @example
 * writeFileSync("trace.json", JSON.stringify(traceJson(result.trace)));
 */
export function traceJson(trace: Trace): TraceJson {
  return { version: TRACE_VERSION, tasks: trace.tasks, primitives: trace.primitives, events: trace.events(), endTime: trace.endTime, truncated: trace.truncated };
}
