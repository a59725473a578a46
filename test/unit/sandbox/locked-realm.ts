/**
 * Run by lockdown.test.ts in a child process (a lockdown cannot be undone,
 * and would freeze the test runner's own realm): applies `lockdown()` with
 * the runtime's roots, as the worker does, then runs the programs it is
 * given and the hostile snippets, and prints one JSON document:
 *
 * - `report`: what `lockdown()` returned;
 * - `outputs`: each program's output under the lockdown (the parent
 *   compares them with the same programs run unlocked);
 * - `attacks`: for each hostile snippet, its error and the output of a
 *   canary program run right after it (which must not change);
 * - `unfrozen`: runtime objects shared between runs that are not frozen.
 *
 * Input (stdin): `{ programs: { [name]: source }, attacks: { [name]: source }, canary: source }`.
 */
import { readFileSync } from "node:fs";
import { builtins, MODULES } from "../../../src/runtime/index.ts";
import { lockdown, unfrozen } from "../../../src/sandbox/lockdown.ts";
import { runtimeRoots } from "../../../src/sandbox/lockdown-runtime.ts";
import { runSnippet } from "../../../src/sandbox/run.ts";

const input = JSON.parse(readFileSync(0, "utf8")) as { programs: Record<string, string>; attacks: Record<string, string>; canary: string };

const text = (source: string) => {
  const r = runSnippet(source, { trace: true });
  return { output: r.output.map((o) => o.text).join(""), error: r.error ? `${r.error.name}: ${r.error.message}` : null };
};

const roots = runtimeRoots();
const report = lockdown({ roots });
const outputs: Record<string, unknown> = {};
for (const [name, source] of Object.entries(input.programs)) outputs[name] = text(source);
const attacks: Record<string, unknown> = {};
for (const [name, source] of Object.entries(input.attacks)) attacks[name] = { attack: text(source), canary: text(input.canary) };
process.stdout.write(JSON.stringify({ report, outputs, attacks, unfrozen: unfrozen([MODULES, builtins, ...roots]) }));
