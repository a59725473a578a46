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
import type { Task } from "./task.ts";

/** Python's coroutine states (`inspect.getcoroutinestate`): created, running, suspended, closed. */
export const CoroState = { Created: 0, Running: 1, Suspended: 2, Closed: 3 } as const;
/** One of `CoroState`'s values. */
export type CoroState = (typeof CoroState)[keyof typeof CoroState];

/**
 * What a task resumes: a generator, or a hand-written state machine with the
 * same three methods (the runtime's `sleep`, which runs millions of times).
 */
export interface CoroutineBody<T> {
  /** Resumes with the value the last `yield` (await) produced. */
  next(value?: unknown): IteratorResult<unknown, T>;
  /** Resumes by raising `error` at the last `yield` (await). */
  throw(error: unknown): IteratorResult<unknown, T>;
  /** Finishes at the last `yield`, running `finally` blocks (`coro.close()`). */
  return(value: T): IteratorResult<unknown, T>;
}

/**
 * Python's coroutine object: what calling an `async` function returns.
 * Await it, or pass it to `asyncio.createTask`/`gather`/`run`; a coroutine
 * that is never awaited does nothing and earns Python's warning
 * `coroutine 'name' was never awaited`.
 * @example
 * const c = work();        // nothing runs yet
 * const result = await c;  // now work()'s body runs, inside this task
 */
export class Coroutine<T = unknown> {
  /** Where the generator is: created, running, suspended or closed. */
  state: CoroState = CoroState.Created as CoroState;
  /**
   * @internal Its slot in the log of unstarted coroutines while it is in it
   * (≥ 0), or, once started, -2 - the line it is paused at (-1: neither).
   * One field for two: a coroutine leaves the log before it can pause
   * (tens of thousands are alive at once, each copied by the scavenger).
   */
  _mark = -1;
  /** Line where the coroutine object was created. */
  readonly line: number;
  /** @internal The task that runs this coroutine as its own (set when the task is made), or null. */
  _task: Task<any> | null = null;
  /** @internal The coroutine that awaits this one inline, in the same task (set when it does). */
  _caller: Coroutine | null = null;

  /**
   * The generator holding the function's body (`yield x` is `await x`), or
   * the coroutine itself for the runtime's hand-written ones (see `CoroutineBody`).
   */
  readonly gen: CoroutineBody<T>;
  /** Python's `__qualname__`, e.g. `main.<locals>.worker`. */
  readonly qualname: string;

  /**
   * `gen` is a native generator (what an `async` function's body becomes),
   * or null for a subclass that is its own body (see `CoroutineBody`).
   */
  constructor(gen: Generator<unknown, T, unknown> | null, qualname: string, session: Session = currentSession()) {
    this.gen = gen ?? (this as unknown as CoroutineBody<T>);
    this.qualname = qualname;
    this.line = session.cursor.l;
    session.trackCoroutine(this);
  }

  /** Line the frame is paused at (the await that called into a nested coroutine), for tracebacks; 0 before. */
  get pausedLine(): number {
    const m = this._mark;
    return m <= -2 ? -2 - m : 0;
  }
  set pausedLine(line: number) {
    this._mark = -2 - (line > 0 ? line : 0);
  }

  /** @internal Its slot in the session's log of unstarted coroutines, or -1 (see `never-awaited.ts`). */
  get _slot(): number {
    const m = this._mark;
    return m >= 0 ? m : -1;
  }
  set _slot(slot: number) {
    this._mark = slot;
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
    if (!started) return;
    if (this.gen === (this as unknown)) this.gen.return(undefined as T);
    else genReturn.call(this.gen as Generator, undefined);
  }

  /** Python's repr: `<coroutine object main.<locals>.worker>`. */
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

/**
 * `%GeneratorPrototype%.next` and `.throw`, called directly.
 *
 * Why: each generator function has its own prototype object, so the
 * generators of different functions share no hidden class — and an async
 * arrow or method makes a new generator function on every call (the
 * rewrite puts its body in a `function*` expression). `gen.next(v)` is then
 * a megamorphic lookup on every step; measured 4× slower than calling the
 * one builtin they all inherit.
 */
const GeneratorPrototype = Object.getPrototypeOf(function* () {}).prototype as Generator;
const genNext = GeneratorPrototype.next;
const genThrow = GeneratorPrototype.throw;
const genReturn = GeneratorPrototype.return;

/** Resumes `coro` with a value, or throws `exc` into it. The one way tasks resume coroutines. */
export function resume(coro: Coroutine, throwing: boolean, value: unknown, exc: unknown): IteratorResult<unknown, unknown> {
  const gen = coro.gen;
  if (gen === (coro as unknown)) return throwing ? gen.throw(exc) : gen.next(value);
  return throwing ? genThrow.call(gen as Generator, exc) : genNext.call(gen as Generator, value);
}

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

/** `SleepZero` is a `Coroutine` (its prototype is chained to `Coroutine.prototype` below). */
export interface SleepZero<T = unknown> extends Coroutine<T> {}
/**
 * The coroutine `asyncio.sleep(0)` returns (any delay ≤ 0): it yields
 * `SLEEP0` once, then returns its result. It is the most frequent await
 * of all, so a task that awaits one does not resume it: it closes it and
 * reschedules itself with the result (`task.ts`), which is exactly what
 * running it would have done. Run any other way (as a task, in `gather`),
 * it behaves as the generator it stands for.
 *
 * It is made once per `await asyncio.sleep(0)`, hundreds of thousands of
 * times a run, so it is built by hand: a class of its own whose prototype
 * is chained to `Coroutine.prototype` (so it is `instanceof Coroutine`),
 * holding six fields instead of a coroutine's seven, made without a chain of
 * constructors. Its constant parts (`gen` is itself, `qualname` is
 * "sleep") are read-only accessors on its prototype; everything a task or
 * the runtime writes is an own field. (Measured: constructing it through
 * `extends Coroutine` was a quarter of a `sleep(0)` round trip.)
 */
export class SleepZero<T = unknown> implements CoroutineBody<T> {
  /** Where it is: created, running, suspended or closed. */
  declare state: CoroState;
  /** Line where it was created (`asyncio.sleep(0)` was called). */
  declare readonly line: number;
  /** @internal See `Coroutine._mark` (a sleep never pauses: only its log slot, or -1). */ declare _mark: number;
  /** @internal */ declare _task: Task<any> | null;
  /** What the sleep returns (`sleep(0, result)`). */
  declare readonly result: T;
  private declare yielded: boolean;

  /** Made by `asyncio.sleep(delay ≤ 0, result)`. */
  constructor(result: T) {
    const session = currentSession();
    this.state = CoroState.Created;
    this.line = session.cursor.l;
    this._mark = -1;
    this._task = null;
    this.result = result;
    this.yielded = false;
    session.trackCoroutine(this);
  }

  /** @internal */
  next(): IteratorResult<unknown, T> {
    if (this.yielded) return { done: true, value: this.result };
    this.yielded = true;
    return { done: false, value: SLEEP0 };
  }

  /** @internal */
  throw(error: unknown): IteratorResult<unknown, T> {
    throw error;
  }

  /** @internal */
  return(value: T): IteratorResult<unknown, T> {
    return { done: true, value };
  }
}
Object.setPrototypeOf(SleepZero.prototype, Coroutine.prototype);
Object.defineProperties(SleepZero.prototype, {
  gen: {
    get(this: SleepZero) {
      return this;
    },
  },
  qualname: { get: () => "sleep" },
});

/** Builds a runtime-internal coroutine from a generator function, with Python's name for it. */
export function coroutine<T>(qualname: string, gen: Generator<unknown, T, unknown>): Coroutine<T> {
  return new Coroutine(gen, qualname);
}
