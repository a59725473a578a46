/**
 * The floor: each workload written with plain JavaScript promises and
 * async/await, no asyncio semantics. W4 needs virtual time, which a
 * promise-based scheduler can only advance once the microtask queue has
 * drained — detected with one macrotask (setImmediate) per timer instant.
 */
import type { Runner } from "./run.ts";

type Workload = (n: number) => Promise<void>;

const W1: Workload = async (n) => {
  const worker = async () => {
    for (let i = 0; i < 100; i++) await null;
  };
  await Promise.all(Array.from({ length: n }, worker));
};

const W2: Workload = async (n) => {
  let permits = 100;
  const waiters: (() => void)[] = [];
  const acquire = () => (permits > 0 ? (permits--, Promise.resolve()) : new Promise<void>((r) => waiters.push(r)));
  const release = () => {
    const w = waiters.shift();
    if (w) w();
    else permits++;
  };
  const worker = async () => {
    await acquire();
    try {
      await null;
    } finally {
      release();
    }
  };
  await Promise.all(Array.from({ length: n }, worker));
};

const W3: Workload = async (n) => {
  const resolvers: ((v: number) => void)[] = [];
  const futs = Array.from({ length: n }, () => new Promise<number>((r) => resolvers.push(r)));
  const consumer = async (f: Promise<number>) => await f;
  const producer = async () => {
    await null;
    resolvers.forEach((r, i) => r(i));
  };
  const prod = producer();
  const res = await Promise.all(futs.map(consumer));
  await prod;
  if (res.length !== n || res[n - 1] !== n - 1) throw new Error("W3 check failed");
};

/** W4's input: the same durations the snippet draws. */
export function durations(n: number): number[] {
  let a = 12345;
  const rnd = () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: n }, () => 10 * rnd());
}

const W4: Workload = async (n) => {
  const durs = durations(n);
  let now = 0;
  const timers: { when: number; resolve: () => void }[] = [];
  const sleep = (d: number) => new Promise<void>((resolve) => timers.push({ when: now + d, resolve }));
  const all = Promise.all(durs.map(sleep));
  timers.sort((a, b) => a.when - b.when);
  let i = 0;
  while (i < timers.length) {
    await new Promise((r) => setImmediate(r)); // the microtask queue has drained: time may move
    now = timers[i].when;
    while (i < timers.length && timers[i].when === now) timers[i++].resolve();
  }
  await all;
  if (now !== Math.max(...durs)) throw new Error("W4 check failed");
};

const WORKLOADS: Record<string, Workload> = { W1, W2, W3, W4 };

/** `workload` at size `n` with plain promises; a run that throws failed its check. */
export function promiseRunner(workload: string, n: number): Runner {
  const run = WORKLOADS[workload];
  return async () => {
    const s = performance.now();
    let ok = true;
    try {
      await run(n);
    } catch {
      ok = false;
    }
    return { seconds: (performance.now() - s) / 1000, ok, virtualEnd: null, events: 0 };
  };
}
