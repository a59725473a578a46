/**
 * Exercise checks as data: each check is a small JSON-able object, written
 * with the builders below in an exercise's definition, shipped to the page
 * as JSON, and evaluated there and in Node by `evaluate.ts`. Data, not
 * functions, so a lesson page needs no code per exercise and the terminal
 * (`async-lab check`) gives the very same verdicts.
 */

/** A bound on a count or a duration: at least, at most, or both. */
export interface Bound {
  readonly atLeast?: number;
  readonly atMost?: number;
}

/** The asyncio features a check can ask for (the trace shows most of them; the source the rest). */
export type Api =
  | "gather"
  | "createTask"
  | "TaskGroup"
  | "Semaphore"
  | "Lock"
  | "Event"
  | "Queue"
  | "executor"
  | "timeout"
  | "shield"
  | "returnExceptions"
  | "aiohttp";

export type CheckSpec =
  /** The program runs to the end: no uncaught error, no limit hit. */
  | { readonly kind: "runs" }
  /** Loop time at the end of the run, seconds. */
  | ({ readonly kind: "loopTime" } & Bound)
  /** Most requests in flight at once (to `host`, or to any one host). */
  | ({ readonly kind: "inFlight"; readonly host?: string } & Bound)
  /** The longest stretch the loop was blocked, seconds (at most: it stays free; at least: the work still runs). */
  | ({ readonly kind: "blocked" } & Bound)
  /** How late the latest timer fired, seconds (a ticker keeps time: ≈ 0). */
  | { readonly kind: "late"; readonly atMost: number }
  /** Most tasks holding a primitive of this kind at once. */
  | ({ readonly kind: "held"; readonly primitive: "semaphore" | "lock" } & Bound)
  /** How many responses had this status ("200", "429", "ConnectionError", "timeout"...). */
  | ({ readonly kind: "responses"; readonly status: string } & Bound)
  /** How many tasks (of coroutine `coro`, if given) ended this way. */
  | ({ readonly kind: "tasks"; readonly outcome: "result" | "error" | "cancelled"; readonly coro?: string } & Bound)
  /** The printed lines: exactly these, these in this order among others, or these in any order. */
  | { readonly kind: "printed"; readonly lines: readonly string[]; readonly match: "exactly" | "inOrder" | "includes" }
  /** A line printed at a given loop time. */
  | { readonly kind: "printedAt"; readonly text: string; readonly at: number }
  /** No warning (a coroutine never awaited, an exception never retrieved...). */
  | { readonly kind: "noWarnings" }
  /** The program uses an asyncio feature. */
  | { readonly kind: "uses"; readonly api: Api };

export type CheckKind = CheckSpec["kind"];

// ---- builders (what exercise definitions call) -------------------------

/** The program runs to the end, with no uncaught error. */
export const runs = (): CheckSpec => ({ kind: "runs" });
/** The whole run takes this long in loop time. `loopTime({ atMost: 1.5 })` */
export const loopTime = (b: Bound): CheckSpec => ({ kind: "loopTime", ...b });
/** At most / at least this many requests in flight at once. `inFlight({ host: "httpbin.org", atLeast: 5 })` */
export const inFlight = (b: Bound & { host?: string }): CheckSpec => ({ kind: "inFlight", ...b });
/** The loop is never blocked for longer than this. `blocked(0)` */
export const blocked = (atMost: number): CheckSpec => ({ kind: "blocked", atMost });
/** The loop is blocked for at least this long at a stretch: the blocking work still happens. `blockedFor(1)` */
export const blockedFor = (atLeast: number): CheckSpec => ({ kind: "blocked", atLeast });
/** No timer fires later than this. `late({ atMost: 0.05 })` */
export const late = (atMost: number): CheckSpec => ({ kind: "late", atMost });
/** At most this many tasks hold a semaphore (or lock) at once. */
export const held = (primitive: "semaphore" | "lock", b: Bound): CheckSpec => ({ kind: "held", primitive, ...b });
/** Count responses with a status. `responses("429", { atMost: 0 })` */
export const responses = (status: string, b: Bound): CheckSpec => ({ kind: "responses", status, ...b });
/** Count tasks that ended a way. `tasks("cancelled", { atLeast: 1, coro: "download" })` */
export const tasks = (outcome: "result" | "error" | "cancelled", b: Bound & { coro?: string }): CheckSpec => ({ kind: "tasks", outcome, ...b });
/** Exactly these lines, in this order. */
export const printsExactly = (lines: readonly string[]): CheckSpec => ({ kind: "printed", lines, match: "exactly" });
/** These lines, in this order, possibly with others between. */
export const printsInOrder = (lines: readonly string[]): CheckSpec => ({ kind: "printed", lines, match: "inOrder" });
/** These lines, in any order. */
export const printsAll = (lines: readonly string[]): CheckSpec => ({ kind: "printed", lines, match: "includes" });
/** A line printed at loop time `at`. */
export const printedAt = (text: string, at: number): CheckSpec => ({ kind: "printedAt", text, at });
/** No warnings. */
export const noWarnings = (): CheckSpec => ({ kind: "noWarnings" });
/** Uses an asyncio feature. `uses("Semaphore")` */
export const uses = (api: Api): CheckSpec => ({ kind: "uses", api });
