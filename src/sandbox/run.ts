/**
 * Runs a snippet from source to result — the one pipeline the browser
 * worker, the CLI and the tests all use: compile, evaluate against a fresh
 * session, collect output (with virtual times), the error with a Python
 * traceback, and the trace.
 */
import { LIMITS } from "./protocol.ts";
import { type Budgets, DEFAULT_BUDGETS, errorName, excStr, MODULE_NAMES, type Notice, type OutputRecord, RunAborted, Session, type Trace, TraceRecorder, withSession } from "../runtime/index.ts";
import { instantiate, SNIPPET_FILE } from "./evaluate.ts";
import { createHost } from "./host.ts";
import { buildTraceback, type TracebackFrame } from "./traceback.ts";
import { compile, type PositionMap } from "./transform/compile.ts";

export interface RunOptions {
  /** Record the trace. Default: true. */
  trace?: boolean;
  /** Reuse this recorder (it is reset first) instead of allocating one. */
  recorder?: TraceRecorder;
  budgets?: Partial<Budgets>;
  /** Seed of the simulated network's jitter. Default: 1. */
  seed?: number;
  /** Called with each piece of output as it happens. */
  onOutput?: (record: OutputRecord) => void;
}

/** One piece of output, as the page shows it. */
export interface OutputItem {
  readonly text: string;
  readonly stream: "stdout" | "stderr" | "warning";
  /** Virtual time it was written at. */
  readonly time: number;
  readonly notice?: Notice;
  /** Task that wrote it ("Task-2"), "thread N" for an executor job, null at top level. */
  readonly task?: string | null;
}

/** What went wrong, in Python's terms. */
export interface SnippetError {
  /** "compile": the snippet did not compile; "runtime": it raised; "limit": a budget stopped it. */
  readonly kind: "compile" | "runtime" | "limit";
  /** Python's exception name, e.g. "ValueError", "SyntaxError"; for limits the budget kind. */
  readonly name: string;
  readonly message: string;
  /** Snippet line (1-based) to mark in the editor, 0 if none. */
  readonly line: number;
  /** 0-based column on that line. */
  readonly column: number;
  /** Frames, outermost first. */
  readonly frames: readonly TracebackFrame[];
  /** The full text, Python style: `Traceback (most recent call last): ...` and the last line. */
  readonly text: string;
}

export interface RunResult {
  /** True when the program ran to the end without an uncaught error or a limit. */
  readonly ok: boolean;
  readonly output: readonly OutputItem[];
  readonly error: SnippetError | null;
  readonly trace: Trace | null;
  readonly stats: { readonly compileMs: number; readonly runMs: number; readonly steps: number; readonly tasks: number; readonly virtualTime: number };
}

/** Compiles and runs `source`; never throws for anything the snippet does. */
export function runSnippet(source: string, options: RunOptions = {}): RunResult {
  const t0 = performance.now();
  const compiled = compile(source, { modules: MODULE_NAMES });
  const compileMs = performance.now() - t0;
  if (!compiled.ok) {
    const e = compiled.error;
    const sourceLine = source.split(/\r\n?|\n/)[e.line - 1] ?? "";
    const caret = `${" ".repeat(Math.max(0, e.column))}^`;
    const text = `  File "snippet.ts", line ${e.line}\n    ${sourceLine.trimEnd()}\n    ${caret}\n${e.name}: ${e.message}`;
    return {
      ok: false,
      output: [],
      error: { kind: "compile", name: e.name, message: e.message, line: e.line, column: e.column, frames: [], text },
      trace: null,
      stats: { compileMs, runMs: 0, steps: 0, tasks: 0, virtualTime: 0 },
    };
  }
  return execute(source, compiled.code, compiled.map, compileMs, options);
}

function execute(source: string, code: string, map: PositionMap, compileMs: number, options: RunOptions): RunResult {
  const output: OutputItem[] = [];
  // The runtime caps what the program prints; warnings it says on its own
  // (one per pending task after a limit stopped 100,000 of them) are capped
  // here, so a result stays small enough to show; and the items are kept
  // within a reply's limit (many short prints), leaving room for the note.
  const maxChars = 2 * (options.budgets?.maxOutputChars ?? DEFAULT_BUDGETS.maxOutputChars);
  let chars = 0;
  let dropped = 0;
  const recorder = options.trace === false ? null : (options.recorder ?? new TraceRecorder());
  recorder?.reset();
  const host = createHost();
  const session = new Session({
    instruments: recorder ? [recorder] : [],
    budgets: options.budgets,
    seed: options.seed,
    cursor: host,
    onOutput: (r) => {
      chars += r.text.length;
      if (chars > maxChars || output.length >= LIMITS.outputItems - 1) {
        dropped++;
        return;
      }
      output.push(r);
      options.onOutput?.(r);
    },
  });
  recorder?.attach(session);
  const t1 = performance.now();
  let error: SnippetError | null = null;
  try {
    const fn = instantiate(code);
    withSession(session, () => fn(host));
    if (session.aborted) throw session.aborted;
  } catch (e) {
    error = toSnippetError(e, source, map, host.l);
    if (session.loop !== null) session.loop = null;
  }
  if (dropped > 0) {
    const note: OutputItem = { text: `... ${dropped.toLocaleString("en-US")} more messages not shown (output limit).`, stream: "warning", time: session.lastTime, task: null };
    output.push(note);
    options.onOutput?.(note);
  }
  const runMs = performance.now() - t1;
  let trace: RunResult["trace"] = null;
  try {
    trace = recorder ? recorder.toTrace() : null;
  } catch (e) {
    // The program reached into the runtime's state and broke what the trace is built from.
    error ??= internalError(e);
  }
  return {
    ok: error === null,
    output,
    error,
    trace,
    stats: { compileMs, runMs, steps: session.steps, tasks: session.tasksCreated, virtualTime: session.lastTime },
  };
}

const ENGINE_ERRORS: readonly object[] = [TypeError.prototype, ReferenceError.prototype, RangeError.prototype, EvalError.prototype, URIError.prototype];

/**
 * True for an engine error (a plain TypeError, ReferenceError... — not one
 * of the runtime's Python exceptions, which it raises on purpose) raised
 * deeper than the snippet's own calls: the runtime's own code failed on
 * something a program put in its state (`loop._ready.push(junk)`). The
 * learner gets a SystemError that says so, not "TypeError: Cannot read
 * properties of undefined (reading 'map')" at `asyncio.run(main())`.
 */
export function failedInsideRuntime(e: unknown): boolean {
  if (typeof e !== "object" || e === null || !ENGINE_ERRORS.includes(Object.getPrototypeOf(e))) return false;
  if (pythonError(e) !== null) return false;
  // Frames with a place in code, innermost first (built-ins like Object.defineProperty have none):
  // V8's "    at f (file:1:2)", Firefox's and Safari's "f@file:1:2".
  const located = String((e as Error).stack ?? "")
    .split("\n")
    .filter((l) => /^(?:\s*at\s.*|[^@\s]*@.*):\d+:\d+\)?\s*$/.test(l))
    .slice(0, 2);
  const inSnippet = (l: string | undefined) => l !== undefined && l.includes(`${SNIPPET_FILE}:`);
  // Thrown by the snippet, or by what it called directly (a frozen built-in's setter
  // refusing an assignment is the snippet's own doing): not an internal failure.
  return located.length > 0 && !inSnippet(located[0]) && !inSnippet(located[1]);
}

/**
 * An internal failure as the learner sees it: Python's `SystemError` (its
 * name for "the interpreter found an internal error"), saying what failed
 * and that the output so far is kept, never the bare engine message alone.
 */
export function internalError(e: unknown): SnippetError {
  const why = safe(() => String(isError(e) ? e.message : e), "unknown").slice(0, 200);
  const message = `Async Lab's runtime failed while running this program (${why}). Either the program changed the runtime's own objects, or this is a bug in Async Lab. The output so far is kept.`;
  return { kind: "runtime", name: "SystemError", message, line: 0, column: 0, frames: [], text: `SystemError: ${message}` };
}

function toSnippetError(e: unknown, source: string, map: PositionMap, cursorLine: number): SnippetError {
  // (A thrown Proxy can make even `instanceof` throw.)
  if (safe(() => e instanceof RunAborted, false)) {
    const a = e as RunAborted;
    return { kind: "limit", name: a.kind, message: a.message, line: cursorLine, column: 0, frames: [], text: a.message };
  }
  if (safe(() => failedInsideRuntime(e), false)) return internalError(e);
  // Whatever was thrown is the snippet's: its getters, `toString` and proxy
  // traps may throw too, and none of that may escape runSnippet.
  const tb = safe(() => buildTraceback(e, source, map, cursorLine), { frames: [], text: "" });
  const last = tb.frames[tb.frames.length - 1];
  const python = pythonError(e);
  const name = python?.name ?? safe(() => String(errorName(e)), "Exception");
  const message = python?.message ?? safe(() => String(isError(e) ? e.message : String(e)), "(the error could not be shown)");
  const text = python ? (python.message ? `${python.name}: ${python.message}` : python.name) : safe(() => excStr(e), `${name}: ${message}`);
  return {
    kind: "runtime",
    name,
    message,
    line: last?.line ?? cursorLine,
    column: last?.column ?? 0,
    frames: tb.frames,
    text: `${tb.text}${text}`,
  };
}

/**
 * The Python exception for an engine error that stands for one: a stack
 * overflow is Python's `RecursionError`, a failed allocation its
 * `MemoryError`. (A coroutine awaiting itself forever never grows the
 * JavaScript stack — tasks trampoline their awaits — so that case is left
 * to the wall-clock limit.)
 */
export function pythonError(e: unknown): { name: string; message: string } | null {
  if (!safe(() => e instanceof RangeError, false)) return null;
  const message = safe(() => String((e as RangeError).message), "");
  if (/Maximum call stack size exceeded|too much recursion/i.test(message)) return { name: "RecursionError", message: "maximum recursion depth exceeded" };
  if (/allocation failed|out of memory|Invalid string length|Invalid typed array length/i.test(message)) return { name: "MemoryError", message: "" };
  return null;
}

function isError(e: unknown): e is Error {
  return safe(() => e instanceof Error, false);
}

function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}
