/**
 * Python's `async with`, for the runtime and for snippets.
 *
 * A snippet writes `await using x = cm;` at the top of a block; the
 * pipeline turns that into `enter(cm)` before the rest of the block and
 * `exit(cm, ...)` after it, passing the block's error, so `__aexit__` can
 * see it — which `timeout()` needs to turn its cancellation into
 * `TimeoutError`, and `TaskGroup` to collect errors. (JavaScript's own
 * `Symbol.asyncDispose` cannot see the error; objects that only have it are
 * still accepted, and it is awaited at the exit.)
 */
import { Coroutine, READY } from "../core/coroutine.ts";
import { AcquireRelease } from "./acquire.ts";
import { Condition } from "./condition.ts";
import { pyTypeName } from "../core/repr.ts";

/** An object usable with `await using` (Python's asynchronous context manager). */
export interface AsyncContextManager<T = unknown> {
  /** Python's `__aenter__`: awaited on entry; its result is what the block binds. */
  __aenter__(): unknown;
  /** Python's `__aexit__`: awaited on exit with the block's error; a truthy result suppresses it. */
  __aexit__(hasError: boolean, error: unknown): unknown;
  /** @internal */ readonly __type?: T;
}

function isManager(cm: unknown): cm is AsyncContextManager {
  return cm !== null && typeof cm === "object" && typeof (cm as AsyncContextManager).__aenter__ === "function" && typeof (cm as AsyncContextManager).__aexit__ === "function";
}

function hasAsyncDispose(cm: unknown): cm is { [Symbol.asyncDispose](): unknown } {
  return cm !== null && typeof cm === "object" && typeof (cm as Record<symbol, unknown>)[Symbol.asyncDispose] === "function";
}

/**
 * The entry half of `async with cm` (the value the block binds). A lock or
 * semaphore that is free is taken at once (no coroutine, no suspension —
 * exactly what awaiting its never-suspending `acquire()` would do); a
 * condition is entered through its lock.
 */
export function enter(cm: unknown): unknown {
  if (cm instanceof Condition) cm = cm._lock;
  if (cm instanceof AcquireRelease) return cm._acquireNow() ? READY : cm.__aenter__();
  return new Coroutine(enterBody(cm), "async with");
}

function* enterBody(cm: unknown): Generator<unknown, unknown, unknown> {
  if (isManager(cm)) return yield cm.__aenter__();
  if (hasAsyncDispose(cm)) return cm;
  throw new TypeError(`'${pyTypeName(cm)}' object does not support the asynchronous context manager protocol`);
}

/**
 * The exit half of `async with cm`: awaits `__aexit__` and re-throws the
 * block's error unless suppressed. A lock or semaphore's exit is a plain
 * `release()` (its `__aexit__` never suspends nor suppresses).
 */
export function exit(cm: unknown, hasError: boolean, error: unknown): unknown {
  if (cm instanceof Condition) cm = cm._lock;
  if (cm instanceof AcquireRelease) {
    cm.release();
    if (hasError) throw error;
    return READY;
  }
  return new Coroutine(exitBody(cm, hasError, error), "async with");
}

function* exitBody(cm: unknown, hasError: boolean, error: unknown): Generator<unknown, void, unknown> {
  let suppress: unknown = false;
  if (isManager(cm)) suppress = yield cm.__aexit__(hasError, error);
  else if (hasAsyncDispose(cm)) {
    const r = cm[Symbol.asyncDispose]();
    if (r !== undefined) yield r;
  }
  if (hasError && !suppress) throw error;
}

/** `async with cm: body` inside runtime code (the body is a generator, run inline). */
export function* withBlock<R>(cm: AsyncContextManager, body: (value: unknown) => Generator<unknown, R, unknown>): Generator<unknown, R | undefined, unknown> {
  const value = yield cm.__aenter__();
  let result: R;
  try {
    result = yield* body(value);
  } catch (e) {
    if (!(yield cm.__aexit__(true, e))) throw e;
    return undefined;
  }
  yield cm.__aexit__(false, undefined);
  return result;
}
