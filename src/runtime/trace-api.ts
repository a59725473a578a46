/**
 * The trace as the page reads it: its schema (`trace/schema.ts`, described
 * in docs/trace.md), cutting a long one short, and its download as Trace
 * Event Format for Perfetto.
 *
 * An entry of its own because the page bundles what it imports: the
 * timeline and the playground read traces and never run the runtime, so
 * they import this file, which pulls in no scheduler code. The sandbox and
 * tests get the same names from `index.ts`.
 */
export { cutTrace } from "./trace/cut.ts";
export { toTraceEventFormat, type TraceEventFile, type TraceEventRecord } from "./trace/perfetto.ts";
export {
  type HttpEndEvent,
  type HttpStartEvent,
  type JobEvent,
  type LoopBlockEvent,
  type OutputEvent,
  type PrimitiveEvent,
  type PrimitiveInfo,
  type RunEvent,
  type StepBeginEvent,
  type StepEndEvent,
  type TaskCreateEvent,
  type TaskDoneEvent,
  type TaskInfo,
  type TaskOutcome,
  type TaskWakeEvent,
  type TimerEvent,
  type TimerSetEvent,
  type Trace,
  type TraceEvent,
  type TraceEventKind,
  TRACE_VERSION,
  type WaitInfo,
} from "./trace/schema.ts";
