/**
 * The runtime's low-level entry, for the sandbox and tests: sessions, the
 * trace, the module table. Snippets never see this file; they import the
 * modules in `modules.ts` by their Python names.
 *
 * Layers, bottom up: `core/` is the event loop and the objects it drives
 * (futures, tasks, coroutines, timers, the wait queue, simulated threads);
 * `asyncio/` builds Python's asyncio API on it; `net/`, `bs4/` and `time.ts`
 * are the other importable modules; `python/` formats values as Python
 * prints them; `trace/` records a run. Nothing here touches the DOM.
 */
export { Coroutine, isCoroutine } from "./core/coroutine.ts";
export { asyncFramesOf, type AsyncFrame, errorName, excStr } from "./core/errors.ts";
export type { Instrument, Stream } from "./core/instrument.ts";
export { type Notice, noticeOracleLine, noticeText } from "./core/notices.ts";
export { type Budgets, currentSession, DEFAULT_BUDGETS, type OutputRecord, RunAborted, Session, type SessionOptions, withSession } from "./core/session.ts";
export * as builtins from "./builtins.ts";
export { MODULE_NAMES, MODULES } from "./modules.ts";
export { pyRepr, pyStr } from "./python/format.ts";
export { type AwaitGraphTask, awaitGraph, type CallGraphData, callGraphData } from "./asyncio/graph-data.ts";
export { TraceRecorder } from "./trace/recorder.ts";
export { cutTrace } from "./trace/cut.ts";
export { toTraceEventFormat, type TraceEventFile } from "./trace/perfetto.ts";
export type * from "./trace/schema.ts";
