/**
 * Evaluates a check against a run's facts, and says in words what it asked
 * and what it saw: "Takes at most 1.5 s of loop time" / "took 5.0 s".
 * Pure: the page, the terminal and the tests get the same verdicts.
 */
import type { PrintedLine, RunFacts } from "./facts.ts";
import type { Api, Bound, CheckSpec } from "./specs.ts";

export interface CheckResult {
  readonly pass: boolean;
  /** What the check asks, as a goal: "Takes at most 1.5 s of loop time". */
  readonly goal: string;
  /** What the run did: "took 5.0 s of loop time". */
  readonly seen: string;
}

/** Seconds as the output panel shows them: 5 → "5.0 s", 0.05 → "0.05 s". */
export function seconds(s: number): string {
  if (!Number.isFinite(s)) return `${s} s`;
  const fixed = Number.isInteger(s * 10) ? s.toFixed(1) : String(Number(s.toFixed(3)));
  return `${fixed} s`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const quote = (s: string) => `“${s.length > 80 ? `${s.slice(0, 77)}…` : s}”`;

/** "at most 3", "at least 5", "between 2 and 4", "exactly 1". */
function boundWords(b: Bound): string {
  if (b.atLeast !== undefined && b.atMost !== undefined) return b.atLeast === b.atMost ? `exactly ${b.atLeast}` : `between ${b.atLeast} and ${b.atMost}`;
  if (b.atMost !== undefined) return b.atMost === 0 ? "no" : `at most ${b.atMost}`;
  return `at least ${b.atLeast ?? 0}`;
}

function within(v: number, b: Bound, eps = 1e-9): boolean {
  return (b.atLeast === undefined || v >= b.atLeast - eps) && (b.atMost === undefined || v <= b.atMost + eps);
}

/**
 * Whether each kind of check reads the trace's events (a trace stopped at
 * its cap would leave out what they measure). A record, not a list, so that
 * a new kind must say. `tasks` reads the task rows, which are whole at the
 * recorder's cap; only a run stopped by a budget sends a cut trace, and
 * that run fails `runs`.
 */
const READS_EVENTS: Readonly<Record<CheckSpec["kind"], boolean>> = {
  runs: false,
  loopTime: true,
  inFlight: true,
  blocked: true,
  late: true,
  held: true,
  responses: true,
  tasks: false,
  printed: false,
  printedAt: false,
  noWarnings: false,
  uses: false,
};

/** Evaluates one check (failed, saying why, if it reads events and the trace was cut at its cap). */
export function evaluate(spec: CheckSpec, f: RunFacts): CheckResult {
  const r = judge(spec, f);
  if (!f.truncated || !READS_EVENTS[spec.kind]) return r;
  return { pass: false, goal: r.goal, seen: "the run made more events than its trace keeps, so the trace stops early and this cannot be checked: try it with fewer tasks or steps" };
}

function judge(spec: CheckSpec, f: RunFacts): CheckResult {
  switch (spec.kind) {
    case "runs": {
      const goal = "Runs to the end without an uncaught error";
      if (f.error === null) return { pass: true, goal, seen: "it ran to the end" };
      if (f.error.kind === "limit") return { pass: false, goal, seen: `it was stopped: ${f.error.message}` };
      if (f.error.kind === "compile") return { pass: false, goal, seen: `it did not compile: ${f.error.name}: ${f.error.message}` };
      return { pass: false, goal, seen: `it raised ${f.error.name}${f.error.message ? `: ${f.error.message}` : ""}` };
    }
    case "loopTime": {
      const goal = spec.atMost !== undefined && spec.atLeast === undefined ? `Takes at most ${seconds(spec.atMost)} of loop time` : spec.atLeast !== undefined && spec.atMost === undefined ? `Takes at least ${seconds(spec.atLeast)} of loop time` : `Takes between ${seconds(spec.atLeast ?? 0)} and ${seconds(spec.atMost ?? 0)} of loop time`;
      return { pass: f.error?.kind !== "limit" && within(f.endTime, spec, 1e-6), goal, seen: `took ${seconds(f.endTime)} of loop time${f.error?.kind === "limit" ? " before it was stopped" : ""}` };
    }
    case "inFlight": {
      const where = spec.host ? ` to ${spec.host}` : "";
      let most = spec.host ? (f.inFlight.get(spec.host) ?? 0) : 0;
      if (!spec.host) for (const n of f.inFlight.values()) most = Math.max(most, n);
      const goal = `${cap(boundWords(spec))} ${spec.atMost === 0 ? "requests" : spec.atLeast === 1 && spec.atMost === undefined ? "request" : "requests"} in flight at once${where}`;
      const seen = most === 0 ? `no request was sent${where}` : `at the busiest, ${plural(most, "request")} ${most === 1 ? "was" : "were"} in flight at once${where}`;
      return { pass: within(most, spec), goal, seen };
    }
    case "blocked": {
      const longest = f.blocks.reduce<{ seconds: number; label: string; t: number } | null>((a, b) => (a === null || b.seconds > a.seconds ? b : a), null);
      const goal =
        spec.atMost === undefined
          ? `Blocks the event loop for at least ${seconds(spec.atLeast ?? 0)} at a stretch (the blocking work still runs)`
          : spec.atMost === 0
            ? "Never blocks the event loop"
            : `Never blocks the event loop for more than ${seconds(spec.atMost)}`;
      const seen = longest === null ? "the loop was never blocked" : `the loop was blocked for ${seconds(longest.seconds)} by ${longest.label} at ${seconds(longest.t)}`;
      return { pass: within(longest?.seconds ?? 0, spec), goal, seen };
    }
    case "late": {
      const worst = f.lateness.reduce<{ label: string; due: number; late: number } | null>((a, b) => (a === null || b.late > a.late ? b : a), null);
      const goal = spec.atMost === 0 ? "Every timer fires on time" : `Every timer fires on time (at most ${seconds(spec.atMost)} late)`;
      const seen = worst === null || worst.late <= 1e-9 ? "every timer fired on time" : `a ${worst.label} timer due at ${seconds(worst.due)} fired ${seconds(worst.late)} late`;
      return { pass: (worst?.late ?? 0) <= spec.atMost + 1e-9, goal, seen };
    }
    case "held": {
      const of = f.primitives.filter((p) => p.kind === spec.primitive || (spec.primitive === "lock" && p.kind === "condition"));
      const most = of.reduce((m, p) => Math.max(m, p.maxHeld), 0);
      const goal = `${cap(boundWords(spec))} ${spec.atLeast === 1 && spec.atMost === undefined ? "task holds" : "tasks hold"} a ${spec.primitive} at once`;
      const seen = of.length === 0 ? `no ${spec.primitive} was used` : `at the busiest, ${plural(most, "task")} held ${of.length === 1 ? of[0].label : `a ${spec.primitive}`} at once`;
      return { pass: of.length > 0 && within(most, spec), goal, seen };
    }
    case "responses": {
      const matching = f.requests.filter((r) => r.outcome === spec.status || r.outcome.startsWith(`${spec.status} `));
      const n = matching.length;
      const goal = `${cap(boundWords(spec))} ${spec.atMost === 0 ? "response is" : "responses are"} ${spec.status}`;
      const seen = f.requests.length === 0 ? "no request was sent" : `${plural(n, "response")} of ${f.requests.length} ${n === 1 ? "was" : "were"} ${matching[0]?.outcome ?? spec.status}`;
      return { pass: within(n, spec), goal, seen };
    }
    case "tasks": {
      const of = f.tasks.filter((t) => spec.coro === undefined || t.coro === spec.coro || t.coro.endsWith(`.${spec.coro}`));
      const n = of.filter((t) => t.outcome === spec.outcome).length;
      const what = spec.coro ? `${spec.coro}() task` : "task";
      // One task or several: "No task raises an error", "At least 3 greet() tasks finish normally".
      const one = spec.atMost === 0 || (spec.atLeast === 1 && spec.atMost === undefined);
      const verb = { result: one ? "finishes normally" : "finish normally", error: one ? "raises an error" : "raise an error", cancelled: one ? "is cancelled" : "are cancelled" }[spec.outcome];
      const goal = `${cap(boundWords(spec))} ${one ? what : `${what}s`} ${verb}`;
      const past = { result: "finished normally", error: "raised an error", cancelled: n === 1 ? "was cancelled" : "were cancelled" }[spec.outcome];
      const seen = `${n} of ${plural(of.length, what)} ${past}`;
      return { pass: within(n, spec), goal, seen };
    }
    case "printed":
      return printed(spec.lines, spec.match, f.lines.filter((l) => l.stream !== "warning"));
    case "printedAt": {
      const goal = `Prints ${quote(spec.text)} at ${seconds(spec.at)}`;
      const line = f.lines.find((l) => l.text === spec.text);
      if (!line) return { pass: false, goal, seen: `${quote(spec.text)} was never printed` };
      return { pass: Math.abs(line.time - spec.at) < 1e-6, goal, seen: `it was printed at ${seconds(line.time)}` };
    }
    case "noWarnings": {
      const warnings = f.lines.filter((l) => l.stream === "warning");
      const goal = "No warnings";
      return { pass: warnings.length === 0, goal, seen: warnings.length === 0 ? "no warnings" : `${plural(warnings.length, "warning")}, the first: ${quote(firstLine(warnings[0].text))}` };
    }
    case "uses":
      return usesCheck(spec.api, f);
  }
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function firstLine(s: string): string {
  return s.split("\n").find((l) => l.trim() !== "")?.trim() ?? s;
}

function printed(want: readonly string[], match: "exactly" | "inOrder" | "includes", got: readonly PrintedLine[]): CheckResult {
  const texts = got.map((l) => l.text);
  if (match === "exactly") {
    const goal = `Prints exactly ${plural(want.length, "line")}: ${want.map(quote).join(", ")}`;
    for (let i = 0; i < Math.max(want.length, texts.length); i++) {
      if (want[i] === texts[i]) continue;
      if (i >= texts.length) return { pass: false, goal, seen: texts.length === 0 ? "it printed nothing" : `it printed only ${plural(texts.length, "line")}; the next should be ${quote(want[i])}` };
      if (i >= want.length) return { pass: false, goal, seen: `line ${i + 1} is one too many: ${quote(texts[i])}` };
      return { pass: false, goal, seen: `line ${i + 1} is ${quote(texts[i])}, not ${quote(want[i])}` };
    }
    return { pass: true, goal, seen: "it printed exactly those" };
  }
  if (match === "inOrder") {
    const goal = `Prints ${want.map(quote).join(", then ")}`;
    let at = 0;
    for (const [i, w] of want.entries()) {
      const found = texts.indexOf(w, at);
      if (found < 0) {
        const anywhere = texts.includes(w);
        return { pass: false, goal, seen: anywhere ? `${quote(w)} came too early (before ${quote(want[i - 1] ?? "")})` : `${quote(w)} was not printed` };
      }
      at = found + 1;
    }
    return { pass: true, goal, seen: want.length === 1 ? "it printed it" : "it printed them in that order" };
  }
  const goal = `Prints ${want.map(quote).join(", ")}${want.length > 1 ? " (in any order)" : ""}`;
  const missing = want.filter((w) => !texts.includes(w));
  return { pass: missing.length === 0, goal, seen: missing.length === 0 ? (want.length === 1 ? "it printed it" : "it printed all of them") : `missing: ${missing.map(quote).join(", ")}` };
}

/** The code without comments and string contents, to look for names in. */
export function codeOnly(source: string): string {
  let out = "";
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    const n = source[i + 1];
    if (c === "/" && n === "/") {
      while (i < source.length && source[i] !== "\n") i++;
      out += "\n";
    } else if (c === "/" && n === "*") {
      i += 2;
      while (i < source.length && !(source[i] === "*" && source[i + 1] === "/")) i++;
      i++;
      out += " ";
    } else if (c === '"' || c === "'" || c === "`") {
      i++;
      while (i < source.length && source[i] !== c) {
        if (source[i] === "\\") i++;
        else if (c === "`" && source[i] === "$" && source[i + 1] === "{") {
          // A template's ${...} is code: keep it.
          let depth = 0;
          for (i += 2; i < source.length; i++) {
            if (source[i] === "{") depth++;
            else if (source[i] === "}" && depth-- === 0) break;
            out += source[i];
          }
        }
        i++;
      }
      out += `${c}${c}`;
    } else out += c;
  }
  return out;
}

const API_NAMES: Record<Api, string> = {
  gather: "asyncio.gather",
  createTask: "asyncio.createTask",
  TaskGroup: "asyncio.TaskGroup",
  Semaphore: "asyncio.Semaphore",
  Lock: "asyncio.Lock",
  Event: "asyncio.Event",
  Queue: "asyncio.Queue",
  executor: "a thread pool (asyncio.toThread or loop.runInExecutor)",
  timeout: "a timeout (asyncio.waitFor or asyncio.timeout)",
  shield: "asyncio.shield",
  returnExceptions: "gather's returnExceptions",
  aiohttp: "aiohttp",
};

/** The label of the timer aiohttp sets for its default ClientTimeout(total=300) on every request. */
const AIOHTTP_DEFAULT_TIMEOUT = "timeout 300 s";

/** Evidence in the run first (the trace shows it happened), else in the code. */
function usesCheck(api: Api, f: RunFacts): CheckResult {
  const goal = `Uses ${API_NAMES[api]}`;
  const code = codeOnly(f.source);
  const inCode = (re: RegExp) => re.test(code);
  const prim = (kind: string) => f.primitives.some((p) => p.kind === kind);
  let ran: string | null = null;
  let written = false;
  switch (api) {
    case "gather":
      if (f.waitKinds.has("gather")) ran = "a task waited on a gather";
      written = inCode(/\bgather\s*\(/);
      break;
    case "createTask":
      written = inCode(/\bcreateTask\s*\(/);
      break;
    case "TaskGroup":
      if (f.waitKinds.has("taskgroup")) ran = "a task waited on a TaskGroup";
      written = inCode(/\bTaskGroup\b/);
      break;
    case "Semaphore":
      if (prim("semaphore")) ran = `the run used ${f.primitives.find((p) => p.kind === "semaphore")?.label}`;
      written = inCode(/\b(Bounded)?Semaphore\s*\(/);
      break;
    case "Lock":
    case "Event":
    case "Queue":
      if (prim(api.toLowerCase())) ran = `the run used ${f.primitives.find((p) => p.kind === api.toLowerCase())?.label}`;
      written = inCode(new RegExp(`\\b${api}\\s*\\(`));
      break;
    case "executor":
      if (f.jobs > 0) ran = `${plural(f.jobs, "job")} ran on worker threads`;
      written = inCode(/\b(toThread|runInExecutor)\s*\(/);
      break;
    case "timeout":
      // aiohttp's own default (a 300 s total on every request) is not the learner's timeout.
      if ([...f.timerLabels].some((l) => l.startsWith("timeout") && l !== AIOHTTP_DEFAULT_TIMEOUT)) ran = "the run set a timeout";
      written = inCode(/\b(waitFor|timeout|ClientTimeout)\s*\(/);
      break;
    case "shield":
      if (f.waitKinds.has("shield")) ran = "a task waited through a shield";
      written = inCode(/\bshield\s*\(/);
      break;
    case "returnExceptions":
      written = inCode(/\breturnExceptions\s*:\s*true\b/);
      break;
    case "aiohttp":
      if (f.requests.some((r) => !r.blocking)) ran = "requests went through aiohttp";
      written = inCode(/\baiohttp\.ClientSession\b/);
      break;
  }
  if (ran !== null) return { pass: true, goal, seen: `yes: ${ran}` };
  if (written) return { pass: true, goal, seen: "yes, in the code" };
  return { pass: false, goal, seen: "not in this run or its code" };
}
