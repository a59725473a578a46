/**
 * The runtime's entry for code outside it: the sandbox (which compiles and
 * runs snippets), the CLI, the benchmarks and the tests. Snippets never see
 * this file; they import the modules of `modules.ts` by their Python names.
 *
 * Layers, bottom up: `core/` is the event loop and the objects it drives
 * (futures, tasks, coroutines, timers, the wait queue, clocks, simulated
 * threads); `asyncio/` builds Python's asyncio API on it; `net/`, `bs4/`
 * and `time.ts` are the other importable modules; `python/` formats values
 * as Python prints them; `trace/` records a run. Nothing here touches the DOM.
 *
 * The other entries, each for one audience (test/unit/runtime/boundary.test.ts
 * fails if code outside src/runtime imports anything else):
 * - `trace-api.ts`: the trace as the page reads it, without the scheduler;
 * - `builtins.ts`: a snippet's globals (`print`, Python's exceptions), whose
 *   types the editor's declarations are built from;
 * - `testing.ts`: pieces with unit tests of their own, for test/ only.
 * (The snippet modules are also reached by path by the snippet type checker,
 * through tsconfig.snippets.json and integrations/snippet-types.mjs.)
 */

// The modules snippets import, by Python name, and as namespaces.
export { MODULE_NAMES, MODULES } from "./modules.ts";
export * as aiohttp from "./net/aiohttp.ts";
export * as asyncio from "./asyncio/index.ts";
export * as bs4 from "./bs4/index.ts";
export * as builtins from "./builtins.ts";
export * as requests from "./net/requests.ts";
export * as time from "./time.ts";

// Running a snippet: a session per run, its budgets and its clocks.
export { type BudgetKind, type Budgets, currentSession, DEFAULT_BUDGETS, type LineCursor, type OutputRecord, RunAborted, Session, type SessionOptions, withSession } from "./core/session.ts";
export { type Clock, type LoopClock, SYSTEM_WALL_CLOCK, VirtualClock, type WallClock } from "./core/clock.ts";

// What compiled snippet code calls through its host object (sandbox/host.ts).
export { Coroutine, isCoroutine, SnippetCoroutine } from "./core/coroutine.ts";
export { enter, exit } from "./asyncio/with.ts";
export { aiter, anext } from "./asyncio/aiter.ts";

// Python's exceptions, and errors and values as Python shows them.
export {
  type AsyncFrame,
  asyncFramesOf,
  BaseException,
  BaseExceptionGroup,
  CancelledError,
  ConnectionError,
  errorName,
  Exception,
  ExceptionGroup,
  excStr,
  ImportError,
  IndexError,
  InvalidStateError,
  KeyError,
  LookupError,
  ModuleNotFoundError,
  NotImplementedError,
  OSError,
  QueueEmpty,
  QueueFull,
  QueueShutDown,
  RuntimeError,
  StopAsyncIteration,
  TimeoutError,
  ValueError,
  ZeroDivisionError,
} from "./core/errors.ts";
export { type DeadlockNotice, type HandlerNotice, type Notice, noticeOracleLine, noticeText, type StuckTask, type WarningNotice } from "./core/notices.ts";
export { pyRepr, pyStr } from "./python/format.ts";

// The 3.14 call graph as plain data (for the sandbox's reply and tests).
export { type AwaitGraphTask, awaitGraph, type CallGraphData, callGraphData } from "./asyncio/graph-data.ts";

// Watching the scheduler; recording and reading traces.
export type { HookName, HttpInfo, Instrument, JobInfo, PrimitiveState, Stream } from "./core/instrument.ts";
export { DEFAULT_MAX_EVENTS, TraceRecorder } from "./trace/recorder.ts";
export * from "./trace-api.ts";
