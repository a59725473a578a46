/**
 * Lazy coroutines, as Python has them.
 *
 * JavaScript starts an async function's body at the call. Python does not:
 * `greet("Bob")` only builds a coroutine object, and nothing runs until it
 * is awaited (inline, in the awaiting task) or wrapped in a task. The
 * snippet pipeline therefore turns every `async` function into a plain
 * function returning `new Coroutine(generator, qualname)`, and every
 * `await x` into `yield x`. A task steps the generators itself (see
 * `task.ts`): no promises, no microtasks, so the loop always knows when
 * its ready queue is empty and virtual time may move.
 *
 * Why generators and not promises: a scheduler built on promises only
 * learns that the microtask queue drained across a macrotask, which caps it
 * near 100k timers/s (bench.md); stepping generators reaches millions.
 */
import { currentSession, type Session } from "./session.ts";

/** Python's coroutine states (`inspect.getcoroutinestate`). */
export const CoroState = { Created: 0, Running: 1, Suspended: 2, Closed: 3 } as const;
export type CoroState = (typeof CoroState)[keyof typeof CoroState];

/**
 * Python's coroutine object: what calling an `async` function returns.
 * Await it, or pass it to `asyncio.createTask`/`gather`/`run`; a coroutine
 * that is never awaited does nothing and earns Python's warning
 * `coroutine 'name' was never awaited`.
 * @example
 * const c = work();        // nothing runs yet
 * const result = await c;  // now work()'s body runs, inside this task
 */
/**
 * What a task resumes: a generator, or a hand-written state machine with the
 * same three methods (the runtime's `sleep`, which runs millions of times).
 */
export interface CoroutineBody<T> {
  next(value?: unknown): IteratorResult<unknown, T>;
  throw(error: unknown): IteratorResult<unknown, T>;
  return(value: T): IteratorResult<unknown, T>;
}

export class Coroutine<T = unknown> {
  /** Where the generator is: created, running, suspended or closed. */
  state: CoroState = CoroState.Created as CoroState;
  /** Line the frame is paused at (the await that called into a nested coroutine), for tracebacks. */
  pausedLine = 0;
  /** Line where the coroutine object was created. */
  readonly line: number;

  /** The generator holding the function's body; `yield x` is `await x`. */
  readonly gen: CoroutineBody<T>;
  /** Python's `__qualname__`, e.g. `main.<locals>.worker`. */
  readonly qualname: string;

  /** `gen` null: the subclass is its own body (see `CoroutineBody`). */
  constructor(gen: CoroutineBody<T> | null, qualname: string, session: Session = currentSession()) {
    this.gen = gen ?? (this as unknown as CoroutineBody<T>);
    this.qualname = qualname;
    this.line = session.cursor.l;
    session.trackCoroutine(this);
  }

  /** @internal True for a coroutine that, awaited, only yields once and returns `_onceResult()` (`sleep(0)`). */
  _yieldsOnce(): boolean {
    return false;
  }

  /** @internal See `_yieldsOnce`. */
  _onceResult(): unknown {
    return undefined;
  }

  /** Python's `coro.__name__`: the qualname's last part. */
  get name(): string {
    const i = this.qualname.lastIndexOf(".");
    return i < 0 ? this.qualname : this.qualname.slice(i + 1);
  }

  /** Python's `coro.cr_running`. */
  get running(): boolean {
    return this.state === CoroState.Running;
  }

  /**
   * Python's `coro.close()`: finishes the coroutine, running its `finally`
   * blocks if it had started. A closed coroutine never warns.
   */
  close(): void {
    if (this.state === CoroState.Closed) return;
    const started = this.state !== CoroState.Created;
    this.state = CoroState.Closed;
    if (started) this.gen.return(undefined as T);
  }

  __repr__(): string {
    return `<coroutine object ${this.qualname}>`;
  }

  /**
   * Coroutines are not promises: `.then` exists only so TypeScript lets
   * `await` unwrap them (its type is `PromiseLike`'s). Calling it is a
   * mistake this explains.
   */
  then<R1 = T, R2 = never>(_onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null, _onrejected?: ((reason: any) => R2 | PromiseLike<R2>) | null): PromiseLike<R1 | R2> {
    throw new TypeError(`a coroutine is not a Promise: use 'await ${this.name}(...)' inside an async function, or asyncio.run(${this.name}(...)) at the top level`);
  }
}

/**
 * A coroutine of the snippet's own (an `async` function the snippet
 * defined), as the snippet pipeline builds them; the runtime's own
 * coroutines (`sleep`, `TaskGroup.__aexit__`...) are plain `Coroutine`s.
 * The call graph tells them apart: a snippet frame is shown at its snippet
 * line, a runtime frame as CPython's own function would be.
 */
export class SnippetCoroutine<T = unknown> extends Coroutine<T> {}

/** True for a Python coroutine object (`asyncio.iscoroutine`). */
export function isCoroutine(x: unknown): x is Coroutine {
  return x instanceof Coroutine;
}

/**
 * Yielded by runtime helpers that finished without waiting (e.g. entering
 * `async with sem` when a permit is free): the task continues at once with
 * `null`, exactly as awaiting a coroutine that never suspends.
 */
export const READY: unique symbol = Symbol("ready");

/** The marker a bare `yield` sends to the task: "let others run once" (`asyncio.sleep(0)`). */
export const SLEEP0: unique symbol = Symbol("sleep0");

/** Builds a runtime-internal coroutine from a generator function, with Python's name for it. */
export function coroutine<T>(qualname: string, gen: Generator<unknown, T, unknown>): Coroutine<T> {
  return new Coroutine(gen, qualname);
}
