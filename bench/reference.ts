/**
 * A bare version of bench.md's reference design, measured in the same run
 * as ours: an own run loop (the loop steps generators itself: no promises) with a packed
 * trace (typed-array columns that grow by doubling and are reused between
 * runs). It has none of asyncio's objects — no Task, Future or coroutine a
 * program could hold, no cancellation, no names, no call graph — only what
 * each workload needs to run and be checked. So it is the bound a
 * JavaScript design reaches here, in speed and in memory, under the same
 * protocol and process as the runtime.
 *
 * A task is a row: its generator, and the value it is resumed with. A
 * generator asks the loop for something by yielding a request code, with
 * its argument in `arg` (no object per request):
 *
 *   SLEEP0            run again after the others ready now
 *   SLEEP   (arg: s)  run again once the virtual clock reaches now + s
 *   AWAIT   (arg: f)  resume with future f's result once it has one
 *   ACQUIRE / RELEASE the workload's one semaphore
 *   JOIN              resume once every other task has finished (gather)
 *
 * Traced, it writes four kinds of event — a task created, a step begun, a
 * step ended (with what it waits for), a task done — and the virtual time
 * per run of events with one time, as the runtime's recorder does.
 */
import { durations } from "./promises.ts";
import type { Runner } from "./run.ts";

const SLEEP0 = 0;
const SLEEP = 1;
const AWAIT = 2;
const ACQUIRE = 3;
const RELEASE = 4;
const JOIN = 5;

/** The argument of the request being yielded (see the module comment). */
let arg = 0;

type Body = Generator<number, unknown, unknown>;
/** A task that returns nothing. */
type Step = Generator<number, void, unknown>;

/** A copy of the `rows` values of `a` with room for twice as many (columns grow by doubling). */
function grow(a: Int32Array, rows: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(rows * 2);
  b.set(a);
  return b;
}

/** The packed trace: kept across runs, cleared (not freed) before each. */
class Trace {
  count = 0;
  kind = new Int32Array(1024);
  a = new Int32Array(1024);
  b = new Int32Array(1024);
  runs = 0;
  runFirst = new Int32Array(256);
  runTime = new Float64Array(256);
  last = NaN;

  clear(): void {
    this.count = this.runs = 0;
    this.last = NaN;
  }

  add(time: number, kind: number, a: number, b: number): void {
    const i = this.count;
    if (i === this.kind.length) {
      this.kind = grow(this.kind, i);
      this.a = grow(this.a, i);
      this.b = grow(this.b, i);
    }
    this.kind[i] = kind;
    this.a[i] = a;
    this.b[i] = b;
    this.count = i + 1;
    if (time !== this.last) {
      const k = this.runs;
      if (k === this.runFirst.length) {
        this.runFirst = grow(this.runFirst, k);
        const t = new Float64Array(k * 2);
        t.set(this.runTime);
        this.runTime = t;
      }
      this.runFirst[k] = i;
      this.runTime[k] = time;
      this.runs = k + 1;
      this.last = time;
    }
  }
}

const CREATED = 1;
const BEGIN = 2;
const END = 3;
const DONE = 4;

/** A FIFO of task rows (a ring that grows by doubling). */
class RowQueue {
  private rows = new Int32Array(1024);
  private head = 0;
  size = 0;

  push(t: number): void {
    if (this.size === this.rows.length) {
      const next = new Int32Array(this.size * 2);
      for (let i = 0; i < this.size; i++) next[i] = this.rows[(this.head + i) & (this.rows.length - 1)];
      this.rows = next;
      this.head = 0;
    }
    this.rows[(this.head + this.size) & (this.rows.length - 1)] = t;
    this.size++;
  }

  shift(): number {
    const t = this.rows[this.head];
    this.head = (this.head + 1) & (this.rows.length - 1);
    this.size--;
    return t;
  }
}

/** The loop: one per run. */
class Loop {
  now = 0;
  private readonly bodies: (Body | null)[] = [];
  private readonly sent: unknown[] = [];
  private readonly ready = new RowQueue();
  private running = 0;
  private joiner = -1;
  // Timers: a binary heap of (deadline, row).
  private timerWhen = new Float64Array(1024);
  private timerRow = new Int32Array(1024);
  private timers = 0;
  // Futures: rows of (done, result, the one task awaiting it).
  private readonly futDone: Uint8Array;
  private readonly futValue: unknown[];
  private readonly futWaiter: Int32Array;
  // The semaphore.
  private permits: number;
  private readonly acquirers = new RowQueue();
  private readonly trace: Trace | null;

  constructor(trace: Trace | null, futures: number, permits: number) {
    this.trace = trace;
    this.futDone = new Uint8Array(futures);
    this.futValue = new Array(futures);
    this.futWaiter = new Int32Array(futures).fill(-1);
    this.permits = permits;
  }

  spawn(body: Body): number {
    const t = this.bodies.length;
    this.bodies.push(body);
    this.sent.push(undefined);
    this.running++;
    this.trace?.add(this.now, CREATED, t, 0);
    this.ready.push(t);
    return t;
  }

  /** Completes future `f` with `value`, waking the task awaiting it. */
  setResult(f: number, value: unknown): void {
    this.futDone[f] = 1;
    this.futValue[f] = value;
    const t = this.futWaiter[f];
    if (t >= 0) this.wake(t, value);
  }

  private wake(t: number, value: unknown): void {
    this.sent[t] = value;
    this.ready.push(t);
  }

  run(): void {
    const trace = this.trace;
    for (;;) {
      while (this.ready.size > 0) {
        const t = this.ready.shift();
        trace?.add(this.now, BEGIN, t, 0);
        const r = (this.bodies[t] as Body).next(this.sent[t]);
        this.sent[t] = undefined;
        if (r.done) {
          trace?.add(this.now, DONE, t, 0);
          this.bodies[t] = null;
          this.sent[t] = r.value;
          if (--this.running === 1 && this.joiner >= 0) this.wake(this.joiner, null);
          continue;
        }
        trace?.add(this.now, END, t, r.value);
        this.request(t, r.value);
      }
      if (this.timers === 0) return;
      this.now = this.timerWhen[0];
      while (this.timers > 0 && this.timerWhen[0] === this.now) this.wake(this.popTimer(), null);
    }
  }

  private request(t: number, code: number): void {
    switch (code) {
      case SLEEP0:
        this.ready.push(t);
        return;
      case SLEEP:
        this.pushTimer(this.now + arg, t);
        return;
      case AWAIT:
        if (this.futDone[arg]) this.wake(t, this.futValue[arg]);
        else this.futWaiter[arg] = t;
        return;
      case ACQUIRE:
        if (this.permits > 0) {
          this.permits--;
          this.ready.push(t);
        } else this.acquirers.push(t);
        return;
      case RELEASE:
        if (this.acquirers.size > 0) this.ready.push(this.acquirers.shift());
        else this.permits++;
        this.ready.push(t);
        return;
      case JOIN:
        if (this.running === 1) this.ready.push(t);
        else this.joiner = t;
        return;
    }
  }

  /** Tasks not finished (0 once a run has gone to its end). */
  get unfinished(): number {
    return this.running;
  }

  /** The value task `t` returned. */
  result(t: number): unknown {
    return this.sent[t];
  }

  private pushTimer(when: number, t: number): void {
    if (this.timers === this.timerWhen.length) {
      const w = new Float64Array(this.timers * 2);
      w.set(this.timerWhen);
      this.timerWhen = w;
      this.timerRow = grow(this.timerRow, this.timers);
    }
    let i = this.timers++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.timerWhen[p] <= when) break;
      this.timerWhen[i] = this.timerWhen[p];
      this.timerRow[i] = this.timerRow[p];
      i = p;
    }
    this.timerWhen[i] = when;
    this.timerRow[i] = t;
  }

  private popTimer(): number {
    const top = this.timerRow[0];
    const n = --this.timers;
    const when = this.timerWhen[n];
    const row = this.timerRow[n];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && this.timerWhen[c + 1] < this.timerWhen[c]) c++;
      if (this.timerWhen[c] >= when) break;
      this.timerWhen[i] = this.timerWhen[c];
      this.timerRow[i] = this.timerRow[c];
      i = c;
    }
    this.timerWhen[i] = when;
    this.timerRow[i] = row;
    return top;
  }
}

/** One run of a workload: true when its check holds. `durs` is W4's input, drawn before the timed runs. */
type Workload = (n: number, trace: Trace | null, durs: number[]) => boolean;

/**
 * A main task spawns `body(i)` for each i < n, then waits for them all
 * (gather); the loop runs until nothing is left to do. True if every task
 * finished (none is left waiting).
 */
function gatherAll(loop: Loop, n: number, body: (i: number) => Step): boolean {
  function* main(): Step {
    for (let i = 0; i < n; i++) loop.spawn(body(i));
    yield JOIN;
  }
  loop.spawn(main());
  loop.run();
  return loop.unfinished === 0;
}

const W1: Workload = (n, trace) => {
  function* worker(): Step {
    for (let i = 0; i < 100; i++) yield SLEEP0;
  }
  return gatherAll(new Loop(trace, 0, 0), n, worker);
};

const W2: Workload = (n, trace) => {
  function* worker(): Step {
    yield ACQUIRE;
    try {
      yield SLEEP0;
    } finally {
      yield RELEASE;
    }
  }
  return gatherAll(new Loop(trace, 0, 100), n, worker);
};

const W3: Workload = (n, trace) => {
  const loop = new Loop(trace, n, 0);
  function* consumer(f: number): Body {
    arg = f;
    return yield AWAIT;
  }
  function* producer(): Step {
    yield SLEEP0;
    for (let f = 0; f < n; f++) loop.setResult(f, f);
  }
  let first = 0;
  function* main(): Step {
    loop.spawn(producer());
    first = loop.spawn(consumer(0));
    for (let f = 1; f < n; f++) loop.spawn(consumer(f));
    yield JOIN;
  }
  loop.spawn(main());
  loop.run();
  const res = Array.from({ length: n }, (_, i) => loop.result(first + i));
  return loop.unfinished === 0 && res.length === n && res[n - 1] === n - 1;
};

const W4: Workload = (n, trace, durs) => {
  const loop = new Loop(trace, 0, 0);
  function* sleeper(d: number): Step {
    arg = d;
    yield SLEEP;
  }
  const finished = gatherAll(loop, n, (i) => sleeper(durs[i]));
  let max = 0;
  for (const d of durs) if (d > max) max = d;
  return finished && loop.now === max;
};

const WORKLOADS: Record<string, Workload> = { W1, W2, W3, W4 };

/**
 * A run of `workload` at size `n`, to call repeatedly: its runs share one
 * trace, as the runtime's share one recorder. W4's durations are drawn here,
 * outside the timed runs (the snippet draws them before `asyncio.run`).
 */
export function referenceRunner(workload: string, n: number, traced: boolean): Runner {
  const run = WORKLOADS[workload];
  const trace = traced ? new Trace() : null;
  const durs = workload === "W4" ? durations(n) : [];
  return () => {
    const s = performance.now();
    trace?.clear();
    const ok = run(n, trace, durs);
    return { seconds: (performance.now() - s) / 1000, ok, virtualEnd: null, events: trace?.count ?? 0 };
  };
}
