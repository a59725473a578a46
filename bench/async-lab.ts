/**
 * The runtime, measured as the browser runs it: the workload's snippet
 * compiled and evaluated by the sandbox's pipeline, on a fresh session per
 * run, with the one trace recorder reused across runs when traced. The
 * timed region is `asyncio.run(main())`, from the runtime's run hooks.
 */
import { readFileSync } from "node:fs";
import { type Instrument, MODULE_NAMES, Session, TraceRecorder, withSession } from "../src/runtime/index.ts";
import { instantiate } from "../src/sandbox/evaluate.ts";
import { createHost } from "../src/sandbox/host.ts";
import { compile } from "../src/sandbox/transform/compile.ts";
import type { Run, Runner } from "./run.ts";

/** Compiles `workload`'s snippet at size `n` once; each call of the result is one run. */
export function asyncLabRunner(workload: string, n: number, traced: boolean): Runner {
  const source = readFileSync(new URL(`./snippets/${workload}.ts`, import.meta.url), "utf8").replace("__N__", String(n));
  const compiled = compile(source, { modules: MODULE_NAMES });
  if (!compiled.ok) throw new Error(`${workload}: ${compiled.error.message}`);
  const fn = instantiate(compiled.code);
  const recorder = traced ? new TraceRecorder(50_000_000) : null;
  return () => runOnce(fn, recorder);
}

function runOnce(fn: ReturnType<typeof instantiate>, recorder: TraceRecorder | null): Run {
  let start = 0;
  let end = 0;
  const timer: Instrument = {
    runStarted: () => (start = performance.now()),
    runEnded: () => (end = performance.now()),
  };
  recorder?.reset();
  const host = createHost();
  let printed = "";
  const session = new Session({
    instruments: recorder ? [timer, recorder] : [timer],
    cursor: host,
    budgets: { maxSteps: 1e12, maxTasks: 1e9, maxVirtualTime: 1e9 },
    onOutput: (r) => (printed += r.text),
  });
  recorder?.attach(session);
  let ok = true;
  try {
    withSession(session, () => fn(host));
  } catch (e) {
    ok = false;
    console.error(e);
  }
  return { seconds: (end - start) / 1000, ok: ok && printed === "ok\n", virtualEnd: session.lastTime, events: recorder?.size ?? 0 };
}
