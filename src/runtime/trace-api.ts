/**
 * The trace as the page reads it: its schema (`trace/schema.ts`, described
 * in docs/trace.md), its packed columns checked and indexed (`Trace`),
 * cutting a long one short, and its downloads (the JSON form, and Trace
 * Event Format for Perfetto).
 *
 * An entry of its own because the page bundles what it imports: the
 * timeline and the playground read traces and never run the runtime, so
 * they import this file, which pulls in no scheduler code. The sandbox and
 * tests get the same names from `index.ts`.
 */
export { cutTrace } from "./trace/cut.ts";
export { type TraceJson, traceJson } from "./trace/json.ts";
export { toTraceEventFormat, type TraceEventFile, type TraceEventRecord } from "./trace/perfetto.ts";
export {
  CODE,
  DONE_OUTCOMES,
  EVENTS,
  type EventOf,
  type FieldSpec,
  type HttpEndEvent,
  type HttpStartEvent,
  type JobEvent,
  KIND_OF_CODE,
  type KindSpec,
  LIST_WAITS,
  type LoopBlockEvent,
  type OutputEvent,
  type PrimitiveEvent,
  type PrimitiveInfo,
  type RunEvent,
  type StepBeginEvent,
  type StepEndEvent,
  type Stream,
  STREAMS,
  TASK_OUTCOMES,
  type TaskCreateEvent,
  type TaskDoneEvent,
  type TaskInfo,
  type TaskOutcome,
  type TaskWakeEvent,
  type TimerEvent,
  type TimerSetEvent,
  type TraceEvent,
  type TraceEventKind,
  TRACE_VERSION,
  WAIT_KINDS,
  type WaitInfo,
  type WaitKind,
} from "./trace/schema.ts";
export { codeHasFloat, codeHasList, Trace, TRACE_ARRAYS, type TraceColumns, type TraceCount, traceCounts, TraceError, type TraceLimits } from "./trace/trace.ts";
