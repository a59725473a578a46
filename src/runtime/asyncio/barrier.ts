/**
 * Python's `asyncio.Barrier` (3.11+, `locks.py`), ported as CPython writes
 * it: a `Condition` and a state. Tasks calling `wait()` block while the
 * barrier is *filling*; the one that makes the count reach `parties`
 * switches it to *draining* and wakes them all; the last to leave sets it
 * back to *filling*, so the barrier can be used again. `reset()` and
 * `abort()` break the waiters out with `BrokenBarrierError`.
 *
 * The condition is the barrier's lane on the timeline (kind "barrier",
 * labelled `Barrier(n)`; its value is how many more tasks the barrier
 * needs to open); its inner lock, held only for instants, stays off the
 * timeline.
 */
import { Coroutine } from "../core/coroutine.ts";
import { BrokenBarrierError, ValueError } from "../core/errors.ts";
import type { Future } from "../core/future.ts";
import { pyTypeName } from "../core/repr.ts";
import { Condition } from "./condition.ts";
import { Lock } from "./lock.ts";
import { withBlock } from "./with.ts";

type State = "filling" | "draining" | "resetting" | "broken";

/** The inner lock of a barrier's condition: it changes state at every `wait()`, which says nothing a learner needs. */
class QuietLock extends Lock {
  override _changed(): void {}
}

/** The barrier's condition, shown on the timeline as the barrier itself. */
class BarrierCondition extends Condition {
  private readonly _barrier: Barrier;
  constructor(barrier: Barrier) {
    super(new QuietLock());
    this._barrier = barrier;
  }
  override _newWaiter(): Future<any> {
    return super._newWaiter(this._label);
  }
  override get _label(): string {
    return `Barrier(${this._barrier.parties})`;
  }
  override get _value(): number {
    return this._barrier.parties - this._barrier.nWaiting;
  }
  override get _kind(): string {
    return "barrier";
  }
}

/**
 * Python's `asyncio.Barrier(parties)`: lets `parties` tasks wait for each
 * other. Each `await barrier.wait()` blocks until `parties` tasks are
 * waiting; then all go on at once, each with its own index (`0` to
 * `parties - 1`, in arrival order), and the barrier is ready for the next
 * round. `Barrier(0)` raises `ValueError: parties must be >= 1`.
 * Python's `async with barrier:` is `await using _ = barrier;`.
 * @example
 * const barrier = new asyncio.Barrier(3);
 * async function runner(name: string) {
 *   print(`${name} ready`);
 *   const index = await barrier.wait();   // the three start together
 *   print(`${name} goes (${index})`);
 * }
 */
export class Barrier {
  /** @internal */ readonly _cond: BarrierCondition;
  private readonly _parties: number;
  private _state: State = "filling";
  /** Tasks inside `wait()`: waiting while filling, or still leaving while draining. */
  private _count = 0;

  /** `new asyncio.Barrier(3)`: three tasks must wait before any goes on. Below 1 raises `ValueError`. */
  constructor(parties: number) {
    if (typeof parties !== "number") throw new TypeError(`'<' not supported between instances of '${pyTypeName(parties)}' and 'int'`);
    if (parties < 1) throw new ValueError("parties must be >= 1");
    this._parties = parties;
    this._cond = new BarrierCondition(this);
  }

  /**
   * Python's `Barrier.parties`: how many tasks must wait for the barrier to open.
   * @example
   * print(new asyncio.Barrier(3).parties);  // 3
   */
  get parties(): number {
    return this._parties;
  }

  /**
   * Python's `Barrier.n_waiting`: how many tasks wait now (0 while draining).
   * @example
   * print(`${barrier.nWaiting} of ${barrier.parties} are here`);
   */
  get nWaiting(): number {
    return this._state === "filling" ? this._count : 0;
  }

  /**
   * Python's `Barrier.broken`: true after `abort()`.
   * @example
   * if (barrier.broken) print("no point waiting");
   */
  get broken(): boolean {
    return this._state === "broken";
  }

  /**
   * Python's `await barrier.wait()`: waits until `parties` tasks wait, then
   * returns this task's index (0 for the first to arrive). Raises
   * `BrokenBarrierError` if the barrier is broken, or is reset or aborted
   * while waiting.
   * @example
   * const index = await barrier.wait();
   * if (index === 0) print("first to arrive");
   */
  wait(): Coroutine<number> {
    return new Coroutine(this._waitBody(), "Barrier.wait");
  }

  private *_waitBody(): Generator<unknown, number, unknown> {
    const self = this;
    return (yield* withBlock(this._cond, function* () {
      yield new Coroutine(self._block(), "Barrier._block"); // block while the barrier drains or resets
      try {
        const index = self._count;
        self._count += 1;
        self._cond._changed();
        if (index + 1 === self._parties) yield new Coroutine(self._release(), "Barrier._release");
        else yield new Coroutine(self._wait(), "Barrier._wait");
        return index;
      } finally {
        self._count -= 1;
        self._exit();
        self._cond._changed();
      }
    })) as number;
  }

  private *_block(): Generator<unknown, void, unknown> {
    yield this._cond.waitFor(() => this._state !== "draining" && this._state !== "resetting");
    if (this._state === "broken") throw new BrokenBarrierError("Barrier aborted");
  }

  private *_release(): Generator<unknown, void, unknown> {
    this._state = "draining";
    this._cond.notifyAll();
  }

  private *_wait(): Generator<unknown, void, unknown> {
    yield this._cond.waitFor(() => this._state !== "filling");
    if (this._state === "broken" || this._state === "resetting") throw new BrokenBarrierError("Abort or reset of barrier");
  }

  private _exit(): void {
    if (this._count === 0) {
      if (this._state === "resetting" || this._state === "draining") this._state = "filling";
      this._cond.notifyAll();
    }
  }

  /**
   * Python's `await barrier.reset()`: back to the empty, filling state;
   * tasks waiting now get `BrokenBarrierError`.
   * @example
   * await barrier.reset();
   */
  reset(): Coroutine<void> {
    const self = this;
    return new Coroutine(
      withBlock(this._cond, function* () {
        if (self._count > 0) {
          if (self._state !== "resetting") self._state = "resetting";
        } else self._state = "filling";
        self._cond.notifyAll();
      }) as Generator<unknown, void, unknown>,
      "Barrier.reset",
    );
  }

  /**
   * Python's `await barrier.abort()`: breaks the barrier; waiting tasks and
   * every later `wait()` get `BrokenBarrierError`.
   * @example
   * await barrier.abort();
   * print(barrier.broken);  // true
   */
  abort(): Coroutine<void> {
    const self = this;
    return new Coroutine(
      withBlock(this._cond, function* () {
        self._state = "broken";
        self._cond.notifyAll();
      }) as Generator<unknown, void, unknown>,
      "Barrier.abort",
    );
  }

  /** @internal `async with barrier`: `wait()`, binding its index. */
  __aenter__(): Coroutine<number> {
    const self = this;
    return new Coroutine(
      (function* () {
        return (yield self.wait()) as number;
      })(),
      "Barrier.__aenter__",
    );
  }

  /** @internal `async with` exit: nothing to do. */
  __aexit__(): Coroutine<boolean> {
    return new Coroutine((function* () { return false; })(), "Barrier.__aexit__");
  }

  /** Lets TypeScript accept `await using`; the snippet pipeline calls `__aexit__` instead. */
  [Symbol.asyncDispose](): PromiseLike<void> {
    return this.__aexit__() as PromiseLike<unknown> as PromiseLike<void>;
  }

  /** Python's repr: `<asyncio.locks.Barrier object [filling, waiters:1/3]>`. */
  __repr__(): string {
    const extra = this._state === "broken" ? this._state : `${this._state}, waiters:${this.nWaiting}/${this._parties}`;
    return `<asyncio.locks.Barrier object [${extra}]>`;
  }
}
