/**
 * `async-lab run FILE.ts [--trace OUT.json] [--format json|perfetto]
 * [--oracle] [--seed N] [--timeout SECONDS]`
 *
 * Runs a snippet exactly as the browser does (same compile step, same
 * runtime, same budgets) in a worker thread, so a snippet stuck in an
 * infinite loop is stopped after `--timeout` seconds of real time (default
 * 10), as the page's watchdog stops its worker. Program output goes to
 * stdout; warnings, loop messages and the traceback go to stderr in
 * Python's words. Exit status: 0 ok, 1 the program raised or hit a limit,
 * 2 bad usage or unreadable file.
 *
 * `--oracle` prints warnings as the oracle's one-line `WARN ...` form on
 * stdout (how the conformance tests compare with CPython).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { noticeOracleLine } from "../runtime/core/notices.ts";
import { toTraceEventFormat } from "../runtime/trace/perfetto.ts";
import type { OutputItem, RunResult } from "./run.ts";

const USAGE = `usage: async-lab run FILE.ts [--trace OUT.json] [--format json|perfetto] [--oracle] [--seed N] [--timeout SECONDS]

Runs a snippet on Async Lab's asyncio runtime (virtual clock) and prints its output.
  --trace OUT.json   also write the run's trace (use - for stdout)
  --format FORMAT    trace format: json (the Async Lab schema, default) or perfetto (Trace Event Format)
  --oracle           print warnings as one-line "WARN ..." on stdout, like the CPython oracle
  --seed N           seed of the simulated network's latency jitter (default 1)
  --timeout SECONDS  real-time limit before the run is stopped (default 10)`;

interface Args {
  file: string;
  trace: string | null;
  format: "json" | "perfetto";
  oracle: boolean;
  seed: number;
  timeout: number;
}

function parseArgs(argv: string[]): Args | string {
  if (argv[0] !== "run" || argv.length < 2) return USAGE;
  const args: Args = { file: "", trace: null, format: "json", oracle: false, seed: 1, timeout: 10 };
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
  const worker = new Worker(new URL("./cli-worker.ts", import.meta.url), {
    workerData: { source, seed: args.seed, trace: args.trace !== null },
  });
  const result = await new Promise<RunResult | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve(null);
    }, args.timeout * 1000);
    worker.on("message", (msg: { output?: OutputItem; result?: RunResult }) => {
      if (msg.output) writeItem(msg.output, args.oracle);
      if (msg.result) {
        clearTimeout(timer);
        resolve(msg.result);
      }
    });
    worker.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
  await worker.terminate();
  if (result === null) {
    process.stderr.write(`Stopped: the program did not finish within ${args.timeout} s of real time (an infinite loop that never awaits?).\n`);
    return 1;
  }
  if (result.error) process.stderr.write(`${result.error.text}\n`);
  if (args.trace !== null && result.trace) {
    const data = args.format === "perfetto" ? toTraceEventFormat(result.trace) : result.trace;
    const json = JSON.stringify(data);
    if (args.trace === "-") process.stdout.write(`${json}\n`);
    else writeFileSync(args.trace, json);
  }
  return result.ok ? 0 : 1;
}
