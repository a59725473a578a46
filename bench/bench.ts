/**
 * Runtime benchmarks (../shared/bench.md): the four workloads as snippets,
 * run through the same pipeline as the browser (compile, evaluate on a
 * fresh session each time), tracing off and on, beside CPython's asyncio,
 * the bare own-loop design with none of asyncio's objects (reference.ts: the
 * bound of a JavaScript design here) and plain promises.
 *
 *   node bench/bench.ts                         the table (all workloads)
 *   node bench/bench.ts W4 30000 [--trace] [--min-time S] [--min-iters K] [--impl async-lab|reference|promises]
 *                                               one measurement; last stdout line is JSON
 *
 * Protocol: repeat until at least K runs and S seconds; the first run is
 * reported as cold, the median of the second half as warm. The timed region
 * is `asyncio.run(main())` — creating, scheduling and finishing the tasks —
 * measured from the runtime's run hooks; compiling and input generation
 * (W4's durations, drawn at the snippet's top level) are outside it.
 *
 * The table ends with each goal (issue #11, bench.md) beside what was
 * measured, including the peak resident memory of the traced measurements:
 * after their first run (a learner's run is one run in a fresh worker), and
 * at the end of all of them (`/usr/bin/time -v` reports the same figure).
 */
import type { Runner } from "./run.ts";

/**
 * The implementations measured, each loaded only in the process that
 * measures it (a process measuring the reference or promises does not load
 * the runtime, so its memory is its own).
 */
const RUNNERS: Record<string, (workload: string, n: number, traced: boolean) => Promise<Runner>> = {
  "async-lab": async (w, n, traced) => (await import("./async-lab.ts")).asyncLabRunner(w, n, traced),
  reference: async (w, n, traced) => (await import("./reference.ts")).referenceRunner(w, n, traced),
  promises: async (w, n) => (await import("./promises.ts")).promiseRunner(w, n),
};

const UNITS: Record<string, string> = { W1: "steps/s", W2: "tasks/s", W3: "tasks/s", W4: "tasks/s" };
const DEFAULT_N: Record<string, number> = { W1: 3000, W2: 20000, W3: 50000, W4: 30000 };
/** CPython asyncio on this machine (bench.md, medians), for the ratio column. */
const CPYTHON: Record<string, number> = { W1: 693_000, W2: 49_000, W3: 71_000, W4: 35_000 };
/** The best JavaScript design measured here: own run loop + packed trace (bench.md). */
const BEST_JS_TRACED: Record<string, number> = { W1: 31_000_000, W2: 2_250_000, W3: 2_100_000, W4: 718_000 };

/** Peak RSS of one traced measurement (`bench.ts W N --trace`), MiB, that issue #11 asks for. */
const RSS_GOAL_MIB: Record<string, number> = { W2: 150, W3: 220 };

/** The ratios to CPython that issue #11 asks for (median of per-round ratios). */
const GOALS = {
  traced: { what: "tracing on, warm", atLeast: 10 },
  untraced: { what: "tracing off, warm", atLeast: 20 },
  cold: { what: "tracing on, the first run in a fresh process", atLeast: 2 },
} as const;

const ops = (workload: string, n: number) => (workload === "W1" ? n * 100 : n);

interface Measurement {
  impl: string;
  workload: string;
  n: number;
  ops: number;
  unit: string;
  elapsed_s: number;
  throughput: number;
  iters: number;
  cold_elapsed_s: number;
  cold_throughput: number;
  virtual_end_s: number | null;
  trace: boolean;
  trace_events: number;
  /** Peak resident memory of this process so far, MiB: after the first run, and at the end of all of them. */
  first_run_peak_rss_mib: number;
  peak_rss_mib: number;
  ok: boolean;
}

/** The process's peak resident set so far (what `/usr/bin/time -v` reports at exit), in MiB. */
const peakRssMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function measure(workload: string, n: number, opts: { trace: boolean; minTime: number; minIters: number; impl: string }): Promise<Measurement> {
  const times: number[] = [];
  let firstPeak = 0;
  let ok = true;
  let virtualEnd: number | null = null;
  let events = 0;
  const runner = await RUNNERS[opts.impl](workload, n, opts.trace);
  const t0 = performance.now();
  while (times.length < opts.minIters || performance.now() - t0 < opts.minTime * 1000) {
    const r = await runner();
    ok &&= r.ok;
    virtualEnd = r.virtualEnd;
    events = r.events;
    times.push(r.seconds);
    if (times.length === 1) firstPeak = peakRssMiB();
  }
  const warm = median(times.slice(Math.floor(times.length / 2)));
  const o = ops(workload, n);
  return {
    impl: opts.impl,
    workload,
    n,
    ops: o,
    unit: UNITS[workload],
    elapsed_s: warm,
    throughput: Math.round(o / warm),
    iters: times.length,
    cold_elapsed_s: times[0],
    cold_throughput: Math.round(o / times[0]),
    virtual_end_s: virtualEnd,
    trace: opts.trace,
    trace_events: events,
    first_run_peak_rss_mib: firstPeak,
    peak_rss_mib: peakRssMiB(),
    ok,
  };
}

function parse(argv: string[]) {
  const [workload, nText] = argv;
  const flag = (name: string, dflt: number) => {
    const i = argv.indexOf(name);
    return i >= 0 ? Number(argv[i + 1]) : dflt;
  };
  const implAt = argv.indexOf("--impl");
  return {
    workload,
    n: nText !== undefined && /^\d+$/.test(nText) ? Number(nText) : DEFAULT_N[workload],
    trace: argv.includes("--trace"),
    minTime: flag("--min-time", 2),
    minIters: flag("--min-iters", 5),
    impl: implAt >= 0 ? argv[implAt + 1] : "async-lab",
  };
}

const fmt = (x: number) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)}M` : x >= 1e3 ? `${(x / 1e3).toFixed(0)}k` : String(x));

/** CPython's asyncio on this machine now (bench/cpython.py), or null without python3. */
async function cpython(workload: string, n: number): Promise<Measurement | null> {
  const { execFileSync } = await import("node:child_process");
  try {
    const out = execFileSync("python3", [new URL("./cpython.py", import.meta.url).pathname, workload, String(n), "3"], { encoding: "utf8" });
    return JSON.parse(out.trim().split("\n").pop() as string) as Measurement;
  } catch {
    return null;
  }
}

/**
 * The table. This machine's speed drifts (shared, throttled cores), so
 * CPython is measured here too, in rounds interleaved with ours, and the
 * ratio is the median of per-round ratios: that number means something even
 * when absolute figures swing.
 */
async function table(): Promise<void> {
  const ROUNDS = 3;
  console.log("Async Lab runtime benchmarks (bench.md workloads). Throughput is the median of warm runs; cold is the first run in a fresh process.");
  console.log(`Each workload: ${ROUNDS} rounds of [CPython asyncio, Async Lab traced, Async Lab untraced, bare own loop traced, plain promises], interleaved.`);
  console.log("The bare own loop (bench/reference.ts) is bench.md's design with none of asyncio's objects: the bound of a JavaScript design here.\n");
  console.log("| workload | N | unit | traced (cold) | untraced (cold) | bare own loop traced (cold) | plain promises | CPython here | traced ÷ CPython | untraced ÷ CPython | cold traced ÷ CPython | trace events |");
  console.log("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  let allOk = true;
  const summary: Record<keyof typeof GOALS, string[]> = { traced: [], untraced: [], cold: [] };
  const halves: string[] = [];
  const memory: string[] = [];
  for (const w of ["W1", "W2", "W3", "W4"]) {
    const n = DEFAULT_N[w];
    const rows: { on: Measurement; off: Measurement; bare: Measurement; floor: Measurement; py: Measurement | null }[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const py = await cpython(w, n);
      const on = await child(w, n, true, "async-lab");
      const off = await child(w, n, false, "async-lab");
      const bare = await child(w, n, true, "reference");
      const floor = await child(w, n, false, "promises");
      allOk &&= on.ok && off.ok && bare.ok && floor.ok;
      rows.push({ on, off, bare, floor, py });
    }
    const med = (f: (x: (typeof rows)[number]) => number) => median(rows.map(f));
    const on = med((x) => x.on.throughput);
    const onCold = med((x) => x.on.cold_throughput);
    const off = med((x) => x.off.throughput);
    const offCold = med((x) => x.off.cold_throughput);
    const floor = med((x) => x.floor.throughput);
    const bare = med((x) => x.bare.throughput);
    const bareCold = med((x) => x.bare.cold_throughput);
    const hasPy = rows.every((x) => x.py !== null);
    const py = hasPy ? med((x) => (x.py as Measurement).throughput) : CPYTHON[w];
    const ratios = {
      traced: hasPy ? med((x) => x.on.throughput / (x.py as Measurement).throughput) : on / CPYTHON[w],
      untraced: hasPy ? med((x) => x.off.throughput / (x.py as Measurement).throughput) : off / CPYTHON[w],
      cold: hasPy ? med((x) => x.on.cold_throughput / (x.py as Measurement).throughput) : onCold / CPYTHON[w],
    };
    console.log(
      `| ${w} | ${n} | ${UNITS[w]} | ${fmt(on)} (${fmt(onCold)}) | ${fmt(off)} (${fmt(offCold)}) | ${fmt(bare)} (${fmt(bareCold)}) | ${fmt(floor)} | ${fmt(py)}${hasPy ? "" : " (bench.md)"} | ${ratios.traced.toFixed(1)}× | ${ratios.untraced.toFixed(1)}× | ${ratios.cold.toFixed(1)}× | ${rows[0].on.trace_events.toLocaleString("en-US")} |`,
    );
    const half = on / (BEST_JS_TRACED[w] / 2);
    halves.push(`${w} ${fmt(on)} = ${half.toFixed(2)} of ${fmt(BEST_JS_TRACED[w] / 2)}${half >= 1 ? "" : " (short)"}`);
    if (w in RSS_GOAL_MIB) {
      const peak = med((x) => x.on.peak_rss_mib);
      memory.push(
        `${w} ${peak} MiB over ${med((x) => x.on.iters)} runs${peak <= RSS_GOAL_MIB[w] ? "" : " (over)"}, ${med((x) => x.on.first_run_peak_rss_mib)} MiB after its first run` +
          ` (the bare own loop: ${med((x) => x.bare.peak_rss_mib)} MiB over ${med((x) => x.bare.iters)} runs, ${med((x) => x.bare.first_run_peak_rss_mib)} MiB after its first)`,
      );
    }
    for (const k of Object.keys(GOALS) as (keyof typeof GOALS)[]) summary[k].push(`${w} ${ratios[k].toFixed(2)}×${ratios[k] >= GOALS[k].atLeast ? "" : " (short)"}`);
  }
  console.log("");
  for (const k of Object.keys(GOALS) as (keyof typeof GOALS)[]) console.log(`Goal: ${GOALS[k].what} ≥ ${GOALS[k].atLeast}× CPython. Measured: ${summary[k].join(", ")}.`);
  console.log(`Goal (bench.md): traced ≥ half of the own run loop + packed trace. Measured: ${halves.join(", ")}.`);
  console.log(`Goal: peak RSS of one traced measurement ≤ ${Object.entries(RSS_GOAL_MIB).map(([w, m]) => `${m} MiB (${w})`).join(", ")}. Measured: ${memory.join("; ")}.`);
  console.log(`Checks (every run printed "ok") ${allOk ? "passed" : "FAILED"}.`);
  if (!allOk) process.exitCode = 1;
}

async function child(workload: string, n: number, trace: boolean, impl: string): Promise<Measurement> {
  const { execFileSync } = await import("node:child_process");
  const args = [new URL(import.meta.url).pathname, workload, String(n), "--impl", impl, "--min-time", "2", "--min-iters", "7"];
  if (trace) args.push("--trace");
  const out = execFileSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 26 });
  return JSON.parse(out.trim().split("\n").pop() as string) as Measurement;
}

const argv = process.argv.slice(2);
if (argv.length === 0) await table();
else {
  const o = parse(argv);
  if (!(o.workload in UNITS) || !(o.n > 0) || !(o.impl in RUNNERS)) {
    console.error("usage: node bench/bench.ts [W1|W2|W3|W4 N [--trace] [--min-time S] [--min-iters K] [--impl async-lab|reference|promises]]");
    process.exit(2);
  }
  const m = await measure(o.workload, o.n, o);
  console.log(JSON.stringify(m));
  if (!m.ok) process.exitCode = 1;
}
