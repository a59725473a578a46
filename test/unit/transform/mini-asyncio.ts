/**
 * A deliberately tiny asyncio, only for testing the compiler's output end to
 * end: tasks stepping generator stacks, a FIFO ready queue, timers on a
 * virtual clock, `gather`, `createTask`, `Semaphore.with`. It is not the
 * runtime (src/runtime is); it has just enough Python semantics that a
 * wrong rewrite (eager bodies, lost `this`, misordered awaits) shows up as
 * wrong output.
 */
import { evaluate, isCoroutine, type FakeCoroutine } from "./helpers.ts";

class Future {
  done = false;
  value: unknown;
  error: unknown;
  failed = false;
  private callbacks: (() => void)[] = [];
  settle(failed: boolean, v: unknown): void {
    if (this.done) return;
    Object.assign(this, { done: true, failed, value: failed ? undefined : v, error: failed ? v : undefined });
    this.callbacks.splice(0).forEach((f) => f());
  }
  onDone(f: () => void): void {
    if (this.done) f();
    else this.callbacks.push(f);
  }
}

/** A coroutine being run: its generator and the line it was at when it last yielded. */
interface Frame {
  gen: FakeCoroutine["gen"];
  line: number;
}

class Task extends Future {
  stack: Frame[];
  readonly coro: FakeCoroutine;
  constructor(coro: FakeCoroutine) {
    super();
    this.coro = coro;
    this.stack = [{ gen: coro.gen, line: 0 }];
  }
}

/** One run of a compiled snippet: output lines are `t=<virtual seconds> L<line> <text>`. */
export class MiniLoop {
  now = 0;
  output: string[] = [];
  /** The host's line at every await (every yield of a generator). */
  awaitLines: number[] = [];
  private ready: (() => void)[] = [];
  private timers: { at: number; seq: number; fn: () => void }[] = [];
  private seq = 0;
  private current: Task | null = null;
  readonly host = {
    l: 0,
    co: (gen: FakeCoroutine["gen"], name: string): FakeCoroutine => ({ gen, name }),
    at: <T>(value: T, line: number): T => ((this.host.l = line), value),
    imp: (module: string) => (this.modules as Record<string, unknown>)[module],
  };

  readonly modules = {
    asyncio: {
      run: (coro: FakeCoroutine) => this.run(coro),
      sleep: (seconds: number, result?: unknown) => this.timer(seconds, result),
      createTask: (coro: FakeCoroutine) => this.createTask(coro),
      gather: (...aws: unknown[]) => this.gather(aws),
      currentName: () => this.current?.coro.name,
      Semaphore: class {
        value: number;
        private waiters: Future[] = [];
        constructor(value: number) {
          this.value = value;
        }
        with(fn: () => FakeCoroutine): FakeCoroutine {
          const sem = this;
          return {
            name: "Semaphore.with",
            gen: (function* () {
              while (sem.value === 0) {
                const f = new Future();
                sem.waiters.push(f);
                yield f;
              }
              sem.value--;
              try {
                return yield fn();
              } finally {
                sem.value++;
                sem.waiters.shift()?.settle(false, undefined);
              }
            })(),
          };
        }
      },
    },
    time: { monotonic: () => this.now },
  };

  print = (...args: unknown[]) => this.output.push(`t=${this.now} L${this.host.l} ${args.map(String).join(" ")}`);

  /** Evaluate compiled code with `print` and the modules. */
  exec(code: string): void {
    evaluate(code, this.host, { print: this.print });
  }

  createTask(coro: FakeCoroutine): Task {
    const t = new Task(coro);
    this.ready.push(() => this.step(t, false, undefined));
    return t;
  }

  run(coro: FakeCoroutine): unknown {
    const main = this.createTask(coro);
    while (!main.done) {
      if (this.ready.length) this.ready.splice(0).forEach((f) => f());
      else if (this.timers.length) {
        this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const t = this.timers.shift()!;
        this.now = t.at;
        t.fn();
      } else throw new Error("deadlock");
    }
    if (main.failed) throw main.error;
    return main.value;
  }

  private timer(seconds: number, result: unknown): Future {
    const f = new Future();
    this.timers.push({ at: this.now + seconds, seq: this.seq++, fn: () => f.settle(false, result) });
    return f;
  }

  private gather(aws: unknown[]): Future {
    const f = new Future();
    const children = aws.map((a) => (isCoroutine(a) ? this.createTask(a) : (a as Future)));
    const results: unknown[] = [];
    let left = children.length;
    if (left === 0) f.settle(false, []);
    children.forEach((c, i) =>
      c.onDone(() => {
        if (c.failed) return f.settle(true, c.error);
        results[i] = c.value;
        if (--left === 0) f.settle(false, results);
      }),
    );
    return f;
  }

  /**
   * Step a task until it waits on a pending future: coroutines are awaited
   * inline, as in Python. The host's line belongs to the running frame: it
   * is saved when a frame yields and put back when the frame resumes (the
   * one duty the compiled code leaves to the runtime).
   */
  private step(task: Task, failed: boolean, value: unknown): void {
    this.current = task;
    for (;;) {
      const frame = task.stack[task.stack.length - 1];
      this.host.l = frame.line;
      let r: IteratorResult<unknown>;
      try {
        r = failed ? frame.gen.throw(value) : frame.gen.next(value);
      } catch (e) {
        task.stack.pop();
        if (task.stack.length === 0) return task.settle(true, e);
        [failed, value] = [true, e];
        continue;
      }
      if (r.done) {
        task.stack.pop();
        if (task.stack.length === 0) return task.settle(false, r.value);
        [failed, value] = [false, r.value];
        continue;
      }
      frame.line = this.host.l;
      this.awaitLines.push(this.host.l);
      if (isCoroutine(r.value)) {
        task.stack.push({ gen: r.value.gen, line: this.host.l });
        [failed, value] = [false, undefined];
      } else if (r.value instanceof Future && !r.value.done) {
        const f = r.value;
        f.onDone(() => this.ready.push(() => this.step(task, f.failed, f.failed ? f.error : f.value)));
        this.current = null;
        return;
      } else if (r.value instanceof Future) {
        [failed, value] = [r.value.failed, r.value.failed ? r.value.error : r.value.value];
      } else {
        [failed, value] = [true, new TypeError(`object ${String(r.value)} can't be used in 'await' expression`)];
      }
    }
  }
}
