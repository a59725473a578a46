/**
 * Python's exception classes, as JavaScript errors.
 *
 * A learner's `throw new Error("x")` is Python's `Exception("x")`; the
 * classes here add the names Python programs use. Each keeps Python's
 * `args`, so `str()` and `repr()` (see `python/format.ts`) print them the
 * way CPython does: `ValueError: bad input`, `KeyError: 'oops'`,
 * `CancelledError` (an empty message prints the bare name).
 *
 * Why a `pyName` static instead of `constructor.name`: the bundler renames
 * classes when it minifies, and a learner's subclass (`class MyError extends
 * ValueError {}`) must still print as `MyError`.
 */

import { pyStr } from "../python/format.ts";

/** Frames an exception passed through, outermost first: `[qualname, line]`. */
export type AsyncFrame = readonly [qualname: string, line: number];

const asyncFrames = new WeakMap<object, AsyncFrame[]>();

/** Records that `error` left the coroutine `qualname` at `line` (Python extends `__traceback__` the same way). */
export function addAsyncFrame(error: unknown, qualname: string, line: number): void {
  if (typeof error !== "object" || error === null) return;
  let frames = asyncFrames.get(error);
  if (frames === undefined) asyncFrames.set(error, (frames = []));
  frames.unshift([qualname, line]);
}

/** The coroutine frames `error` propagated through, outermost first. */
export function asyncFramesOf(error: unknown): readonly AsyncFrame[] {
  return (typeof error === "object" && error !== null && asyncFrames.get(error)) || [];
}

function messageOf(args: readonly unknown[]): string {
  if (args.length === 0) return "";
  if (args.length === 1) return typeof args[0] === "string" ? args[0] : String(args[0]);
  return `(${args.map((a) => (typeof a === "string" ? `'${a}'` : String(a))).join(", ")})`;
}

/**
 * Python's `BaseException`: the root of the runtime's exceptions.
 * @example
 * class NotReady extends BaseException {}
 */
export class BaseException extends Error {
  /** The name `str()`/tracebacks show; set on each runtime class because minifiers rename classes. */
  static pyName = "BaseException";
  /** Python's `args`: the constructor arguments. */
  readonly args: readonly unknown[];
  /** Python's `__cause__` (`raise X from Y`), e.g. the `CancelledError` behind a `TimeoutError`. */
  __cause__: unknown = null;
  /**
   * Python's `__context__`: the exception that was being handled when this
   * one was raised. Python sets it implicitly; JavaScript has no such
   * chaining, so code raising in a `catch` sets it itself where it matters.
   * `timeout()` splices its `TimeoutError` into this chain.
   */
  __context__: unknown = null;

  /** `new ValueError("bad input")`: the arguments become `args`, and `str()` shows them as Python does. */
  constructor(...args: unknown[]) {
    super(messageOf(args));
    this.args = args;
  }

  /** The Python class name (`ValueError`), which tracebacks and `str()` show. */
  override get name(): string {
    const ctor = this.constructor as { pyName?: string; name: string };
    return Object.prototype.hasOwnProperty.call(ctor, "pyName") ? (ctor.pyName as string) : ctor.name;
  }

  /** Python's `BaseException.with_traceback`; kept for ported code, returns the exception itself. */
  withTraceback(): this {
    return this;
  }
}

/** Python's `Exception`: the base of ordinary errors. A plain JS `Error` counts as one too. */
export class Exception extends BaseException {
  /** @internal The name Python gives the class (minifiers rename classes). */
  static override pyName = "Exception";
}

/** Python's `ValueError`: right type, wrong value (e.g. `Semaphore(-1)`). */
export class ValueError extends Exception {
  /** @internal The name Python gives the class (minifiers rename classes). */
  static override pyName = "ValueError";
}

/** Python's `RuntimeError`, e.g. releasing a `Lock` that is not held. */
export class RuntimeError extends Exception {
  /** @internal The name Python gives the class (minifiers rename classes). */
  static override pyName = "RuntimeError";
}

/** Python's `NotImplementedError`. */
export class NotImplementedError extends RuntimeError {
  /** @internal The name Python gives the class (minifiers rename classes). */
  static override pyName = "NotImplementedError";
}

/** Python's `LookupError`, base of `KeyError` and `IndexError`. */
export class LookupError extends Exception {
  /** @internal The name Python gives the class (minifiers rename classes). */
  static override pyName = "LookupError";
}

/** Python's `KeyError`; `str()` of it quotes the key, as in Python: `KeyError: 'oops'`. */
export class KeyError extends LookupError {
  /** @internal The name Python gives the class (minifiers rename classes). */
  static override pyName = "KeyError";
}

/** Python's `IndexError`. */
export class IndexError extends LookupError {
  /** @internal The name Python gives the class (minifiers rename classes). */
  static override pyName = "IndexError";
}

/** Python's `ImportError`, e.g. `cannot import name 'x' from 'asyncio'`. */
export class ImportError extends Exception {
  /** @internal The name Python gives the class (minifiers rename classes). */
  static override pyName = "ImportError";
}

/** Python's `ModuleNotFoundError`: an import of a module the snippet world does not have. */
export class ModuleNotFoundError extends ImportError {
  /** @internal The name Python gives the class (minifiers rename classes). */
  static override pyName = "ModuleNotFoundError";
}

/** Python's `StopAsyncIteration`: what an async iterator's `__anext__` raises when it is done. */
export class StopAsyncIteration extends Exception {
  /** @internal The name Python gives the class (minifiers rename classes). */
  static override pyName = "StopAsyncIteration";
}

/** Python's `ZeroDivisionError`. */
export class ZeroDivisionError extends Exception {
  /** @internal The name Python gives the class (minifiers rename classes). */
  static override pyName = "ZeroDivisionError";
}

/** Python's `OSError`, base of the network errors. */
export class OSError extends Exception {
  /** @internal The name Python gives the class (minifiers rename classes). */
  static override pyName = "OSError";
}

/** Python's `ConnectionError`. */
export class ConnectionError extends OSError {
  /** @internal The name Python gives the class (minifiers rename classes). */
  static override pyName = "ConnectionError";
}

/**
 * Python's built-in `TimeoutError`, which is also `asyncio.TimeoutError`
 * (the same class since Python 3.11). Raised by `waitFor` and `timeout` at
 * the deadline; its `__cause__` is the `CancelledError` that interrupted the work.
 * @example
 * try { await asyncio.waitFor(fetch(url), 1); } catch (e) { if (e instanceof TimeoutError) print("too slow"); }
 */
export class TimeoutError extends OSError {
  /** @internal The name Python gives the class (minifiers rename classes). */
  static override pyName = "TimeoutError";
}

/**
 * Python's `asyncio.CancelledError`: thrown into a task at its `await` when
 * the task is cancelled. It is a `BaseException`, not an `Exception`, so
 * code that handles errors generally should re-throw it.
 * @example
 * try { await asyncio.sleep(10); } catch (e) { if (e instanceof asyncio.CancelledError) { print("cleaning up"); throw e; } }
 */
export class CancelledError extends BaseException {
  /** @internal The name Python gives the class (minifiers rename classes). */
  static override pyName = "CancelledError";
}

/** Python's `asyncio.InvalidStateError`, e.g. `future.result()` before the future is done. */
export class InvalidStateError extends Exception {
  /** @internal The name Python gives the class (minifiers rename classes). */
  static override pyName = "InvalidStateError";
}

/** Python's `asyncio.QueueEmpty`: `getNowait()` on an empty queue. */
export class QueueEmpty extends Exception {
  /** @internal The name Python gives the class (minifiers rename classes). */
  static override pyName = "QueueEmpty";
}

/** Python's `asyncio.QueueFull`: `putNowait()` on a full queue. */
export class QueueFull extends Exception {
  /** @internal The name Python gives the class (minifiers rename classes). */
  static override pyName = "QueueFull";
}

/** Python's `asyncio.QueueShutDown`: `put`/`get` on a queue after `shutdown()`. */
export class QueueShutDown extends Exception {
  /** @internal The name Python gives the class (minifiers rename classes). */
  static override pyName = "QueueShutDown";
}

/**
 * Python's `asyncio.BrokenBarrierError` (a `RuntimeError`): a task waited
 * on a `Barrier` that was aborted or reset meanwhile, or is broken.
 * @example
 * try { await barrier.wait(); } catch (e) { if (e instanceof asyncio.BrokenBarrierError) print("barrier broken"); }
 */
export class BrokenBarrierError extends RuntimeError {
  /** @internal The name Python gives the class (minifiers rename classes). */
  static override pyName = "BrokenBarrierError";
}

type ErrorClass = abstract new (...args: never[]) => unknown;

/**
 * Python's `BaseExceptionGroup`/`ExceptionGroup`: several errors raised
 * together, e.g. by a `TaskGroup`. `str()` is Python's:
 * `unhandled errors in a TaskGroup (2 sub-exceptions)`.
 * `subgroup`/`split` stand in for `except*`.
 * @example
 * catch (e) { if (e instanceof ExceptionGroup) for (const sub of e.exceptions) print(repr(sub)); }
 */
export class BaseExceptionGroup extends BaseException {
  /** @internal The name Python gives the class (minifiers rename classes). */
  static override pyName = "BaseExceptionGroup";
  /** The errors in the group, in the order they were collected. */
  readonly exceptions: readonly unknown[];

  /** A group of `exceptions` with a message (Python: `ExceptionGroup("msg", [e1, e2])`). */
  constructor(message: string, exceptions: readonly unknown[]) {
    super(message, exceptions);
    if (!Array.isArray(exceptions) || exceptions.length === 0) {
      throw new ValueError("second argument (exceptions) must be a non-empty sequence");
    }
    this.exceptions = [...exceptions];
    const n = this.exceptions.length;
    this.message = `${message} (${n} sub-exception${n > 1 ? "s" : ""})`;
  }

  /** The group's own message, without the count (Python's `eg.message`). */
  get groupMessage(): string {
    return String(this.args[0]);
  }

  /**
   * Python's `str(eg)`: the message and the count, `unhandled errors in a
   * TaskGroup (2 sub-exceptions)` — not the `(message, exceptions)` tuple
   * that `str()` of an exception with two arguments would show.
   */
  __str__(): string {
    return this.message;
  }

  /** Python's `eg.subgroup(T)`: the errors (recursively) that are instances of `type`, or `null`. */
  subgroup(type: ErrorClass | ((e: unknown) => boolean)): BaseExceptionGroup | null {
    return this.split(type)[0];
  }

  /** Python's `eg.split(T)`: `[matching, rest]`, each a group or `null`; what `except* T` does. */
  split(type: ErrorClass | ((e: unknown) => boolean)): [BaseExceptionGroup | null, BaseExceptionGroup | null] {
    const test =
      typeof type === "function" && "prototype" in type && type.prototype !== undefined
        ? (e: unknown) => e instanceof (type as ErrorClass)
        : (type as (e: unknown) => boolean);
    if (test(this)) return [this, null];
    const match: unknown[] = [];
    const rest: unknown[] = [];
    for (const e of this.exceptions) {
      if (e instanceof BaseExceptionGroup) {
        const [m, r] = e.split(type);
        if (m) match.push(m);
        if (r) rest.push(r);
      } else (test(e) ? match : rest).push(e);
    }
    const derive = (items: unknown[]) => (items.length ? this.derive(items) : null);
    return [derive(match), derive(rest)];
  }

  /** Python's `eg.derive(excs)`: a group of the same kind and message holding `excs`. */
  derive(exceptions: readonly unknown[]): BaseExceptionGroup {
    const all = exceptions.every((e) => e instanceof Error && !(e instanceof CancelledError) && !isBaseOnly(e));
    return all ? new ExceptionGroup(this.groupMessage, exceptions) : new BaseExceptionGroup(this.groupMessage, exceptions);
  }
}

/** Python's `ExceptionGroup`: a `BaseExceptionGroup` holding only ordinary exceptions. */
export class ExceptionGroup extends BaseExceptionGroup {
  /** @internal The name Python gives the class (minifiers rename classes). */
  static override pyName = "ExceptionGroup";
}

function isBaseOnly(e: unknown): boolean {
  return e instanceof BaseException && !(e instanceof Exception) && !(e instanceof ExceptionGroup);
}

/**
 * Builds the right group for `errors`, as Python's `BaseExceptionGroup(msg, errors)`
 * constructor does: an `ExceptionGroup` when all are ordinary exceptions.
 */
export function exceptionGroup(message: string, errors: readonly unknown[]): BaseExceptionGroup {
  const ordinary = errors.every((e) => !(e instanceof CancelledError) && !isBaseOnly(e));
  return ordinary ? new ExceptionGroup(message, errors) : new BaseExceptionGroup(message, errors);
}

/** Python's `type(e).__name__` for any thrown value. */
export function errorName(error: unknown): string {
  if (error instanceof Error) return error.name;
  if (error === null || error === undefined) return "NoneType";
  return typeof error === "object" ? (error.constructor?.name ?? "object") : typeof error;
}

/** Python's `exc_str`: `Name: str(e)`, or just `Name` when `str(e)` is empty (`KeyError: 'oops'`). */
export function excStr(error: unknown): string {
  const name = errorName(error);
  const msg = error instanceof Error ? pyStr(error) : pyStr(error);
  return msg === "" ? name : `${name}: ${msg}`;
}
