/**
 * Creating tasks and combining awaitables: `createTask`, `ensureFuture`,
 * `gather`, `shield` (Python's `tasks.py`, same order of operations, since
 * the order of callbacks on the ready queue is what a learner sees).
 */
import { Coroutine, isCoroutine } from "../core/coroutine.ts";
import { CancelledError } from "../core/errors.ts";
import { Future, LabeledFuture } from "../core/future.ts";
import { type IdSink, type WaitLabel, waitTargetIds } from "../core/wait-label.ts";
import type { CreateTaskOptions, EventLoop } from "../core/loop.ts";
import { pyReprSafe } from "../core/repr.ts";
import { nameOwn } from "../core/names.ts";
import { Task } from "../core/task.ts";
import { currentSession } from "../core/session.ts";
import { awaitedVia } from "./awaited-by.ts";
import { getRunningLoop, runningLoopOrNull } from "./running.ts";

/** Something `await` accepts: a coroutine, a task or a future. */
export type Awaitable<T = unknown> = Coroutine<T> | Future<T> | PromiseLike<T>;

/** Options of `createTask`. */
export interface TaskOptions {
  /** The task's name, shown on the timeline and by `getName()`. Default: `Task-N`. */
  name?: string;
  /**
   * Python's `eager_start=True` (3.12+): the coroutine starts running inside
   * `createTask`, up to its first real suspension; if it never suspends, the
   * task is already done when `createTask` returns. Default: false (or true
   * once `loop.setTaskFactory(asyncio.eagerTaskFactory)` is set).
   */
  eagerStart?: boolean;
}

/**
 * Python's `asyncio.create_task(coro, name=None, eager_start=None)`:
 * schedules the coroutine to run as a task. It starts on the loop's next
 * iteration, once the current task yields — not at once; with
 * `{ eagerStart: true }` it starts at once instead.
 * @example
 * const t = asyncio.createTask(worker("A"), { name: "worker-A" });
 * await asyncio.sleep(0);  // now worker A has started
 * const e = asyncio.createTask(worker("B"), { eagerStart: true });  // worker B already ran up to its first await
 */
export function createTask<T>(coro: Awaitable<T>, options: TaskOptions = {}): Task<T> {
  const loop = getRunningLoop();
  if (!isCoroutine(coro)) throw new TypeError(`a coroutine was expected, got ${pyReprSafe(coro)}`);
  return loop.createTask(coro as Coroutine<T>, taskOptions(options));
}

/** @internal `loop.createTask` options from `createTask`'s: `eagerStart` only when given (a factory's default applies otherwise). */
export function taskOptions(options: TaskOptions): CreateTaskOptions {
  return options.eagerStart === undefined ? { name: options.name ?? null } : { name: options.name ?? null, eagerStart: options.eagerStart };
}

/**
 * Python's `asyncio.ensure_future(aw)`: a future as is; a coroutine wrapped
 * in a new task.
 */
export function ensureFuture<T>(aw: Awaitable<T>, loop: EventLoop | null = null): Future<T> {
  if (aw instanceof Future) return aw;
  if (!isCoroutine(aw)) throw new TypeError("An asyncio.Future, a coroutine or an awaitable is required");
  const l = loop ?? getRunningLoop();
  return l.createTask(aw as Coroutine<T>);
}

/** Options of `gather`, given as its last argument. */
export interface GatherOptions {
  /** Return errors as results instead of raising the first one. Default: false. */
  returnExceptions?: boolean;
}

/** The future `gather()` returns: cancelling it cancels the children (Python's `_GatheringFuture`). */
export class GatheringFuture<T = unknown[]> extends Future<T> {
  /** @internal */ _cancelRequested = false;
  /** @internal */ readonly _children: readonly Future[];

  /** Made by `gather()`. */
  constructor(loop: EventLoop, children: readonly Future[]) {
    super(loop);
    this._children = children;
  }

  /** @internal */
  override _waitLabel(): WaitLabel {
    const n = this._children.length;
    return { kind: "gather", text: `gather (${n} ${n === 1 ? "awaitable" : "awaitables"})`, target: 0 };
  }

  /** @internal Waiting on a gather waits for no one object (its tasks are its `_waitTargets`). */
  override _waitTarget(): number {
    return 0;
  }

  /** @internal The trace ids of the tasks it waits for. */
  override _waitTargets(out: IdSink): number {
    return waitTargetIds(this._children, out);
  }

  /** Cancels every child still running; true if any was. The gather then raises `CancelledError`. */
  override cancel(msg: unknown = null): boolean {
    if (this.done()) return false;
    let ret = false;
    for (const child of this._children) if (child.cancel(msg)) ret = true;
    if (ret) this._cancelRequested = true;
    return ret;
  }

  /** Python's repr: `<_GatheringFuture pending>`. */
  override __repr__(): string {
    return super.__repr__().replace("<Future", "<_GatheringFuture");
  }
}

// Python's name for it (`type(asyncio.gather(...)).__name__`), not the class's own, which the site's bundle minifies.
nameOwn(GatheringFuture, "asyncio.tasks._GatheringFuture", "_GatheringFuture");

function isGatherOptions(x: unknown): x is GatherOptions {
  return x !== null && typeof x === "object" && !(x instanceof Future) && !isCoroutine(x) && Object.getPrototypeOf(x) === Object.prototype;
}

type Results<A extends readonly unknown[]> = { -readonly [K in keyof A]: Awaited<A[K]> };

/**
 * Python's `asyncio.gather(*aws, return_exceptions=False)`: runs the
 * awaitables concurrently (coroutines become tasks) and resolves to their
 * results **in argument order**, whatever order they finish in.
 *
 * If one raises, `gather` raises that error at once — but the others keep
 * running (they are not cancelled). With `{ returnExceptions: true }` the
 * errors are returned in the list instead. Cancelling the gather cancels
 * every child.
 * @example
 * const [a, b] = await asyncio.gather(greet("Alice"), greet("Bob"));
 * const results = await asyncio.gather(...urls.map(fetch), { returnExceptions: true });
 */
export function gather<A extends readonly Awaitable[]>(...args: [...A] | [...A, GatherOptions]): GatheringFuture<Results<A>> {
  let returnExceptions = false;
  let aws = args as unknown[];
  if (aws.length > 0 && isGatherOptions(aws[aws.length - 1])) {
    returnExceptions = Boolean((aws[aws.length - 1] as GatherOptions).returnExceptions);
    aws = aws.slice(0, -1);
  }
  let loop = runningLoopOrNull();
  if (aws.length === 0) {
    // Python returns a plain, already finished future here.
    const outer = (loop ?? getRunningLoop()).createFuture<Results<A>>();
    outer.setResult([] as unknown as Results<A>);
    return outer as GatheringFuture<Results<A>>;
  }

  let outer: GatheringFuture<Results<A>> | null = null;
  let nfinished = 0;
  const children: Future[] = new Array(aws.length);

  const doneCallback = (fut: Future) => {
    nfinished += 1;
    if (outer === null || outer.done()) {
      if (!fut.cancelled()) fut.exception();
      return;
    }
    if (!returnExceptions) {
      if (fut.cancelled()) {
        outer.setException(fut._makeCancelledError());
        return;
      }
      const exc = fut.exception();
      if (exc !== null) {
        outer.setException(exc);
        return;
      }
    }
    if (nfinished === nfuts) {
      const results: unknown[] = new Array(children.length);
      for (let k = 0; k < children.length; k++) {
        const f = children[k];
        if (f.cancelled()) results[k] = new CancelledError(f._cancelMessage ?? "");
        else {
          const e = f.exception();
          results[k] = e !== null ? e : f.result();
        }
      }
      if (outer._cancelRequested) outer.setException(fut._makeCancelledError());
      else outer.setResult(results as unknown as Results<A>);
    }
  };

  // Python's `arg_to_fut` dict maps each distinct argument to its future,
  // so an argument given twice is waited for once. A map entry per argument
  // is a hash table as large as the gather; instead a duplicate is
  // recognised where it already points at its future: a coroutine wrapped
  // by this gather points at its task (tasks made here have ids above
  // `idsBefore`), and a pending future already holds this gather's callback.
  // Only finished futures are looked up among the ones met before (a set:
  // gathering many finished tasks stays linear).
  const idsBefore = currentSession().idsIssued;
  // The call graph shows each child awaited by the task that called gather (CPython 3.14).
  const curTask = loop === null ? null : loop._currentTask;
  if (curTask !== null) awaitedVia(doneCallback, curTask);

  const doneFuts: Future[] = [];
  let seenDone: Set<Future> | null = null;
  let nfuts = 0;
  for (let k = 0; k < aws.length; k++) {
    const arg = aws[k];
    let fut: Future | undefined;
    if (arg instanceof Coroutine) {
      const owner = arg._task;
      if (owner !== null && owner._id > idsBefore) fut = owner;
    } else if (arg instanceof Future) {
      if (arg.done() ? seenDone !== null && seenDone.has(arg) : arg._hasCallback(doneCallback)) fut = arg;
    }
    if (fut === undefined) {
      fut = ensureFuture(arg as Awaitable, loop);
      loop ??= fut._loop;
      nfuts += 1;
      if (fut.done()) {
        doneFuts.push(fut);
        (seenDone ??= new Set()).add(fut);
      } else fut.addDoneCallback(doneCallback);
    }
    children[k] = fut;
  }
  outer = new GatheringFuture<Results<A>>(loop as EventLoop, children);
  for (const fut of doneFuts) doneCallback(fut);
  return outer;
}

/**
 * Python's `asyncio.shield(aw)`: waits for `aw` but protects it from
 * cancellation. Cancelling the task that awaits the shield raises
 * `CancelledError` there at once; the shielded work keeps running to the end.
 * @example
 * const save = asyncio.createTask(saveToDisk());
 * try { await asyncio.shield(save); } catch (e) { /* cancelled, but save goes on *\/ throw e; }
 */
export function shield<T>(aw: Awaitable<T>): Future<T> {
  const inner = ensureFuture(aw);
  if (inner.done()) return inner;
  const loop = inner._loop;
  const innerLabel = inner._waitLabel();
  const outer = new LabeledFuture<T>(loop, { kind: "shield", text: `shield(${innerLabel.text})`, target: innerLabel.target });
  const logOnException = (f: Future) => {
    if (f.cancelled()) return;
    const exc = f.exception();
    if (exc === null) return;
    loop.callExceptionHandler({ message: `${(exc as Error)?.name ?? "Exception"} exception in shielded future`, exception: exc, future: f });
  };
  const innerDone = (f: Future<T>) => {
    if (outer.cancelled()) return;
    if (f.cancelled()) outer.cancel();
    else {
      const exc = f.exception();
      if (exc !== null) outer.setException(exc);
      else outer.setResult(f.result());
    }
  };
  const outerDone = () => {
    if (!inner.done()) {
      inner.removeDoneCallback(innerDone);
      inner.removeDoneCallback(logOnException);
      inner.addDoneCallback(logOnException);
    }
  };
  const curTask = loop._currentTask;
  if (curTask !== null) {
    // The call graph shows the shielded future awaited by the caller until it is done (CPython 3.14).
    awaitedVia(innerDone, curTask);
    awaitedVia(logOnException, curTask);
  }
  inner.addDoneCallback(innerDone);
  outer.addDoneCallback(outerDone);
  return outer;
}
