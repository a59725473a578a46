#!/usr/bin/env node
/**
 * Runs Python scenario files under CPython 3.14 (Pyodide, pinned in this
 * folder's package.json) with the thread-less vclock beside this file, as
 * `PYTHONHASHSEED=0 python3 FILE.py` would with the oracle's vclock on its path.
 *
 *   node run314.mjs FILE.py                  stdout/stderr as Python's, exit 1 if it raised
 *   node run314.mjs --write DIR [--twice] FILE.py...
 *                                            for each file, DIR/NAME.out (stdout) and, if
 *                                            anything went wrong, DIR/NAME.err (stderr, the
 *                                            exit status, or with --twice a second run with
 *                                            PYTHONHASHSEED=4242 that printed differently)
 *   node run314.mjs --selftest               vclock's own self-test, under 3.14
 *
 * Every run gets a fresh interpreter: state that lives for a whole process
 * (the Task-N counter, the warnings registry) must start clean, as it does
 * for `python3 FILE.py`. A run takes about 1.5 s, most of it loading Pyodide.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "pyodide";

const HERE = dirname(fileURLToPath(import.meta.url));
const VCLOCK = readFileSync(join(HERE, "vclock.py"), "utf8");

/** One fresh interpreter: runs `source` as `__main__` of `/scenarios/<name>`. */
async function runOnce(name, source, seed) {
  const out = [];
  const err = [];
  const py = await loadPyodide({ env: { PYTHONHASHSEED: String(seed), PYTHONDONTWRITEBYTECODE: "1" } });
  const sink = (chunks) => ({ write: (bytes) => (chunks.push(Buffer.from(bytes)), bytes.length) });
  py.setStdout(sink(out));
  py.setStderr(sink(err));
  py.FS.mkdirTree("/vclock");
  py.FS.mkdirTree("/scenarios");
  py.FS.writeFile("/vclock/vclock.py", VCLOCK);
  if (name !== "vclock.py") py.FS.writeFile(`/scenarios/${name}`, source);
  const status = py.runPython(`
import sys, runpy, traceback, asyncio.events
# Pyodide marks its browser loop (WebLoop) as running; python3 FILE.py has none.
asyncio.events._set_running_loop(None)
sys.argv = ["/scenarios/${name}"]
sys.path[:0] = ["/scenarios", "/vclock"]
status = 0
try:
    ${name === "vclock.py" ? 'import vclock; vclock._selftest()' : `runpy.run_path("/scenarios/${name}", run_name="__main__")`}
except SystemExit as e:
    status = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    if not isinstance(e.code, (int, type(None))):
        print(e.code, file=sys.stderr)
except BaseException:
    traceback.print_exc()
    status = 1
sys.stdout.flush()
sys.stderr.flush()
status
`);
  return { stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8"), status };
}

const args = process.argv.slice(2);
let writeDir = null;
let twice = false;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--write") writeDir = args[++i];
  else if (args[i] === "--twice") twice = true;
  else if (args[i] === "--selftest") files.push(null);
  else files.push(args[i]);
}
if (files.length === 0) {
  console.error("usage: run314.mjs [--write DIR [--twice]] FILE.py... | --selftest");
  process.exit(2);
}

let failed = false;
for (const file of files) {
  const name = file === null ? "vclock.py" : basename(file);
  const source = file === null ? "" : readFileSync(resolve(file), "utf8");
  const first = await runOnce(name, source, 0);
  if (writeDir === null) {
    process.stdout.write(first.stdout);
    process.stderr.write(first.stderr);
    if (first.status !== 0) failed = true;
    continue;
  }
  mkdirSync(writeDir, { recursive: true });
  const base = name.replace(/\.py$/, "");
  writeFileSync(join(writeDir, `${base}.out`), first.stdout);
  const problems = [];
  if (first.stderr) problems.push(first.stderr);
  if (first.status !== 0) problems.push(`exit status ${first.status}\n`);
  if (twice) {
    const second = await runOnce(name, source, 4242);
    if (second.stdout !== first.stdout || second.stderr !== first.stderr || second.status !== first.status) {
      problems.push(`NOT deterministic: PYTHONHASHSEED=4242 printed differently:\n${second.stdout}${second.stderr}`);
    }
  }
  if (problems.length > 0) {
    writeFileSync(join(writeDir, `${base}.err`), problems.join(""));
    failed = true;
  }
  console.log(`wrote ${join(writeDir, base)}.out${problems.length ? " (and .err)" : ""}`);
}
process.exit(failed ? 1 : 0);
