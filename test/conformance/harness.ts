/**
 * Runs a ported scenario through the snippet pipeline and renders its
 * output the way the CPython oracle prints it: program output as is,
 * warnings and loop messages as one-line `WARN ...`, the deadlock line.
 *
 * Comparison: every non-WARN line must match exactly and in order. WARN
 * lines must match as a multiset: Python prints them when an object is
 * garbage collected, which a JavaScript runtime cannot observe, so the
 * runtime says them when the run ends (the oracle README's accepted
 * deviation) — same text, possibly a different place.
 */
import { noticeOracleLine } from "../../src/runtime/index.ts";
import { runSnippet } from "../../src/sandbox/run.ts";

export function oracleOutput(source: string): { text: string; error: string | null } {
  const r = runSnippet(source, { trace: false });
  let text = "";
  for (const o of r.output) text += o.notice ? `${noticeOracleLine(o.notice)}\n` : o.text;
  return { text, error: r.error ? r.error.text : null };
}

export function splitWarn(text: string): { lines: string[]; warns: string[] } {
  const all = text.split("\n");
  if (all[all.length - 1] === "") all.pop();
  return { lines: all.filter((l) => !l.startsWith("WARN ")), warns: all.filter((l) => l.startsWith("WARN ")).sort() };
}
