/**
 * `async-lab run FILE.ts [--trace OUT.json] [--format json|perfetto]
 * [--oracle] [--seed N] [--timeout SECONDS]`
 * `async-lab check FILE.ts --exercise ID [--seed N] [--timeout SECONDS]`
 *
 * Runs a snippet exactly as the browser does (same compile step, same
 * runtime, same budgets, same reply bytes) in a worker thread, so a
 * snippet stuck in an infinite loop is stopped after `--timeout` seconds of
 * real time (default 4, the page's limit: protocol.ts), as the page's
 * watchdog stops its worker; a program that keeps awaiting is stopped by
 * the runtime a second before that, its output kept. Program output goes to
 * stdout; warnings, loop messages and the traceback go to stderr in
 * Python's words. Exit status: 0 ok, 1 the program raised or hit a limit,
 * 2 bad usage or unreadable file.
 *
 * `--oracle` prints warnings as the oracle's one-line `WARN ...` form on
 * stdout (how the conformance tests compare with CPython).
 *
 * `check` runs the file the same way, then the checks of the exercise with
 * that id (src/content/exercises), and prints each verdict as the page's
 * check panel does. Exit status: 0 every check passed, 1 one failed, 2 bad
 * usage, an unreadable file or an unknown exercise.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { checkRun } from "../checks/index.ts";
import { noticeOracleLine, toTraceEventFormat, traceJson } from "../runtime/index.ts";
import { loadExercises } from "./exercises.ts";
import { RUN_LIMIT_MS, wallBudget } from "./protocol.ts";
import type { OutputItem, RunResult } from "./run.ts";
import { decodeReply } from "./wire.ts";

const USAGE = `usage: async-lab run FILE.ts [--trace OUT.json] [--format json|perfetto] [--oracle] [--seed N] [--timeout SECONDS]
       async-lab check FILE.ts --exercise ID [--seed N] [--timeout SECONDS]

run: runs a snippet on Async Lab's asyncio runtime (virtual clock) and prints its output.
check: runs it the same way, then checks the run against an exercise, as the lesson page does.
  --trace OUT.json   also write the run's trace (use - for stdout)
  --format FORMAT    trace format: json (the Async Lab schema, default) or perfetto (Trace Event Format)
  --oracle           print warnings as one-line "WARN ..." on stdout, like the CPython oracle
  --exercise ID      the exercise to check against (its id, e.g. overlap-the-waits)
  --seed N           seed of the simulated network's latency jitter (default 1)
  --timeout SECONDS  real-time limit before the run is stopped (default ${RUN_LIMIT_MS / 1000}, as in the browser)`;

interface Args {
  command: "run" | "check";
  exercise: string | null;
  file: string;
  trace: string | null;
  format: "json" | "perfetto";
  oracle: boolean;
  seed: number;
  timeout: number;
}

function parseArgs(argv: string[]): Args | string {
  if ((argv[0] !== "run" && argv[0] !== "check") || argv.length < 2) return USAGE;
  const args: Args = { command: argv[0], exercise: null, file: "", trace: null, format: "json", oracle: false, seed: 1, timeout: RUN_LIMIT_MS / 1000 };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    try {
      if (a === "--trace") args.trace = value();
      else if (a === "--format") {
        const f = value();
        if (f !== "json" && f !== "perfetto") return `unknown --format '${f}' (json or perfetto)`;
        args.format = f;
      } else if (a === "--oracle") args.oracle = true;
      else if (a === "--exercise") args.exercise = value();
      else if (a === "--seed") args.seed = Number(value());
      else if (a === "--timeout") args.timeout = Number(value());
      else if (a.startsWith("--")) return `unknown option ${a}\n\n${USAGE}`;
      else if (args.file === "") args.file = a;
      else return `unexpected argument ${a}\n\n${USAGE}`;
    } catch (e) {
      return (e as Error).message;
    }
  }
  if (args.file === "") return USAGE;
  if (args.command === "check" && args.exercise === null) return `check needs --exercise ID\n\n${USAGE}`;
  if (args.command === "run" && args.exercise !== null) return `--exercise goes with check, not run\n\n${USAGE}`;
  if (!Number.isFinite(args.seed) || !(args.timeout > 0)) return "--seed must be a number and --timeout a positive number";
  return args;
}

function writeItem(item: OutputItem, oracle: boolean): void {
  if (item.notice === undefined) {
    (item.stream === "stdout" ? process.stdout : process.stderr).write(item.text);
  } else if (oracle) {
    process.stdout.write(`${noticeOracleLine(item.notice)}\n`);
  } else {
    process.stderr.write(`${item.text}\n`);
  }
}

/** Runs `source` in a worker thread (stopped after `timeout` s of real time from its start: null). */
async function runInWorker(source: string, args: Args, onOutput: (item: OutputItem) => void): Promise<RunResult | null> {
  const limitMs = args.timeout * 1000;
  const worker = new Worker(new URL("./cli-worker.ts", import.meta.url), {
    workerData: { source, seed: args.seed, trace: args.trace !== null || args.command === "check", wallMs: wallBudget(limitMs) },
  });
  try {
    return await new Promise<RunResult | null>((resolve, reject) => {
      // Loading the pipeline is not the run's time: the watchdog starts when the worker starts the run.
      let timer: ReturnType<typeof setTimeout> | undefined;
      worker.on("message", (msg: { ready?: boolean; output?: OutputItem; reply?: ArrayBuffer }) => {
        if (msg.ready) timer = setTimeout(() => resolve(null), limitMs);
        if (msg.output) onOutput(msg.output);
        if (msg.reply) {
          clearTimeout(timer);
          try {
            resolve(decodeReply(msg.reply).result);
          } catch (e) {
            reject(e);
          }
        }
      });
      worker.on("error", (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
  } finally {
    await worker.terminate();
  }
}

/** Runs the CLI; returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === "string") {
    process.stderr.write(`${args}\n`);
    return 2;
  }
  let source: string;
  try {
    source = readFileSync(args.file, "utf8");
  } catch (e) {
    process.stderr.write(`async-lab: cannot read ${args.file}: ${(e as Error).message}\n`);
    return 2;
  }
  const exercise = args.exercise === null ? null : (await loadExercises()).find((e) => e.id === args.exercise);
  if (exercise === undefined) {
    const ids = (await loadExercises()).map((e) => e.id);
    process.stderr.write(`async-lab: no exercise "${args.exercise}" (have: ${ids.join(", ")})\n`);
    return 2;
  }
  const output: OutputItem[] = [];
  const result = await runInWorker(source, args, (item) => {
    output.push(item);
    writeItem(item, args.oracle);
  });
  if (result === null) {
    process.stderr.write(`Stopped: the program did not finish within ${args.timeout} s of real time (an infinite loop that never awaits?).\n`);
    return 1;
  }
  if (result.error) process.stderr.write(`${result.error.text}\n`);
  if (exercise !== null) {
    const { results, solved } = checkRun(exercise.checks, { ...result, output }, source);
    process.stdout.write(`\nChecks for "${exercise.title}" (${exercise.id}):\n`);
    for (const r of results) process.stdout.write(`  ${r.pass ? "✓" : "✗"} ${r.goal}: ${r.seen}\n`);
    process.stdout.write(solved ? "Solved: every check passes.\n" : `${results.filter((r) => !r.pass).length} of ${results.length} checks still fail.\n`);
    return solved ? 0 : 1;
  }
  if (args.trace !== null && result.trace) {
    const data = args.format === "perfetto" ? toTraceEventFormat(result.trace) : traceJson(result.trace);
    const json = JSON.stringify(data);
    if (args.trace === "-") process.stdout.write(`${json}\n`);
    else writeFileSync(args.trace, json);
  }
  return result.ok ? 0 : 1;
}
