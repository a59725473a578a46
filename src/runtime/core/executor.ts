/**
 * A simulated thread pool (Python's `concurrent.futures.ThreadPoolExecutor`
 * as the loop uses it through `run_in_executor`).
 *
 * A job starts when one of `maxWorkers` workers is free (FIFO otherwise).
 * Its function runs at its start time, all at once: `time.sleep` inside it
 * moves only the job's own clock, and what it prints is held back and
 * released when the loop's clock reaches the time it was printed. The job
 * ends at start + the time it slept; its asyncio future then completes
 * through `call_soon_threadsafe`, as in CPython, so the awaiting task
 * resumes one iteration later. Computation itself is free in virtual time.
 *
 * Deviation from real threads, on purpose: a job's side effects on shared
 * objects happen at its start instant, not spread over its duration. The
 * oracle's executor is deterministic the same way (its workers only run
 * while the loop waits).
 */
import { sessionOf } from "./loop-access.ts";
import { RuntimeError, ValueError } from "./errors.ts";
import type { Future } from "./future.ts";
import type { JobInfo } from "./instrument.ts";
import { functionLabel } from "./names.ts";
import type { EventLoop } from "./loop.ts";
import { RunAborted, type ThreadContext } from "./session.ts";

/** CPython's default worker count is `min(32, cpu_count + 4)`; fixed at the 8-core figure so runs never depend on the machine. */
export const DEFAULT_MAX_WORKERS = 12;

interface Job extends JobInfo {
  readonly fn: (...args: unknown[]) => unknown;
  readonly args: readonly unknown[];
  readonly future: Future<unknown>;
  started: boolean;
}

/**
 * Python's `concurrent.futures.ThreadPoolExecutor(max_workers)`, simulated.
 * Pass one to `loop.runInExecutor(executor, fn)`, or pass `null` to use the
 * loop's default pool of 12 workers.
 * @example
 * const pool = new asyncio.ThreadPoolExecutor(2);
 * const a = loop.runInExecutor(pool, blocking, "a");
 */
export class ThreadPoolExecutor {
  private readonly queue: Job[] = [];
  private readonly busy: boolean[];
  private running = 0;
  private shutdownCalled = false;
  private idleCallbacks: (() => void)[] = [];

  /** Workers that may run at once. */
  readonly maxWorkers: number;

  /** `maxWorkers` defaults to 12. */
  constructor(maxWorkers: number = DEFAULT_MAX_WORKERS) {
    this.maxWorkers = maxWorkers;
    if (!(maxWorkers > 0)) throw new ValueError("max_workers must be greater than 0");
    this.busy = new Array(Math.min(maxWorkers, 1024)).fill(false);
  }

  /** @internal Queues `fn(...args)`; `future` completes with its outcome. */
  _submit(loop: EventLoop, fn: (...args: unknown[]) => unknown, args: readonly unknown[], future: Future<unknown>): void {
    if (this.shutdownCalled) throw new RuntimeError("cannot schedule new futures after shutdown");
    const session = sessionOf(loop);
    const job: Job = { id: session.nextId(), label: `${functionLabel(fn)}()`, line: session.cursor.l, worker: -1, fn, args, future, started: false };
    this.queue.push(job);
    session.hooks.jobQueued?.jobQueued(job);
    this.dispatch(loop);
  }

  /** Python's `executor.shutdown()`: no new jobs; running ones finish. */
  shutdown(): void {
    this.shutdownCalled = true;
  }

  /** @internal Calls `cb` once no job is queued or running. */
  _whenIdle(cb: () => void): void {
    if (this.running === 0 && this.queue.length === 0) cb();
    else this.idleCallbacks.push(cb);
  }

  private dispatch(loop: EventLoop): void {
    while (this.queue.length > 0 && this.running < this.maxWorkers) {
      const job = this.queue.shift() as Job;
      if (job.future.cancelled()) continue;
      this.running++;
      job.worker = this.freeWorker();
      job.started = true;
      loop._threads.push(loop.time(), () => this.runJob(loop, job));
    }
  }

  private freeWorker(): number {
    const i = this.busy.indexOf(false);
    if (i >= 0) this.busy[i] = true;
    return i >= 0 ? i : this.busy.length;
  }

  /** Runs the job's function on its own clock; schedules its output and completion. */
  private runJob(loop: EventLoop, job: Job): boolean {
    const session = sessionOf(loop);
    const start = loop.time();
    const ctx: ThreadContext = {
      now: start,
      pending: [],
      label: `thread ${job.worker}`,
      sleep(seconds: number) {
        if (seconds < 0) throw new ValueError("sleep length must be non-negative");
        ctx.now += seconds;
      },
    };
    session.hooks.jobStarted?.jobStarted(job);
    let ok = true;
    let outcome: unknown;
    const prev = session.thread;
    session.thread = ctx;
    try {
      outcome = job.fn(...job.args);
    } catch (e) {
      if (e instanceof RunAborted) throw e;
      ok = false;
      outcome = e;
    } finally {
      session.thread = prev;
    }
    for (const out of ctx.pending) {
      if (out.time <= start) session.emit(out.text, out.stream, out.time, undefined, ctx.label);
      else loop._threads.push(out.time, () => (session.emit(out.text, out.stream, out.time, undefined, ctx.label), false));
    }
    loop._threads.push(ctx.now, () => this.finishJob(loop, job, ok, outcome));
    return false;
  }

  private finishJob(loop: EventLoop, job: Job, ok: boolean, outcome: unknown): boolean {
    this.running--;
    if (job.worker < this.busy.length) this.busy[job.worker] = false;
    sessionOf(loop).hooks.jobFinished?.jobFinished(job, ok);
    const fut = job.future;
    let woke = false;
    if (!loop.isClosed()) {
      loop.callSoonThreadsafe(() => {
        if (fut.cancelled()) return;
        if (ok) fut.setResult(outcome);
        else fut.setException(outcome);
      });
      woke = true;
    }
    this.dispatch(loop);
    if (this.running === 0 && this.queue.length === 0) {
      const cbs = this.idleCallbacks;
      this.idleCallbacks = [];
      for (const cb of cbs) cb();
    }
    return woke;
  }
}
