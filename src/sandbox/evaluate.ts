/**
 * Turning compiled code into a callable, and JavaScript stack positions
 * back into snippet positions.
 *
 * The code runs as the body of `new Function("__al", "__b", ...)`; the
 * builtins (`print`, `repr`, Python's exception classes) are bound in an
 * outer scope so a snippet may still declare its own `print`. The wrapper
 * text sits on the code's first line, so line N of the snippet is line
 * N + HEADER_LINES of the function source; `//# sourceURL=snippet.ts`
 * names its frames in stack traces.
 */
import { builtins } from "../runtime/index.ts";
import type { SnippetHost } from "./host.ts";

/** The file name snippet frames carry in stack traces and tracebacks. */
export const SNIPPET_FILE = "snippet.ts";

const BUILTIN_NAMES = Object.keys(builtins).filter((k) => /^[A-Za-z_]\w*$/.test(k));
const PREFIX = `const {${BUILTIN_NAMES.join(", ")}} = __b; return function () {`;

/** How many lines engines put before a `new Function` body (2 in V8 and SpiderMonkey); measured once. */
const HEADER_LINES = (() => {
  const stack = String(new Function(`return new Error().stack;\n//# sourceURL=probe.js`)());
  const m = /probe\.js:(\d+)/.exec(stack);
  return m ? Number(m[1]) - 1 : 2;
})();

/** Builds the snippet function; throws SyntaxError if the engine rejects the code. */
export function instantiate(code: string): (host: SnippetHost) => unknown {
  const outer = new Function("__al", "__b", `${PREFIX}${code}\n};\n//# sourceURL=${SNIPPET_FILE}`) as (h: SnippetHost, b: typeof builtins) => () => unknown;
  return (host) => outer(host, builtins)();
}

/** A position in the compiled code's own lines, from a stack frame's (line, column) in the function source. */
export function codePosition(line: number, column: number): { line: number; column: number } {
  const l = line - HEADER_LINES;
  return { line: l, column: l === 1 ? Math.max(0, column - 1 - PREFIX.length) : column - 1 };
}

/** Snippet frames of a JavaScript error's stack, innermost first: function name and position in the function source. */
export function snippetFrames(error: unknown): { name: string; line: number; column: number }[] {
  const stack = error instanceof Error ? String(error.stack ?? "") : "";
  const frames: { name: string; line: number; column: number }[] = [];
  const re = /^\s*(?:at\s+(?:(.*?)\s+\()?|(.*?)@)?[^\s(]*snippet\.ts:(\d+):(\d+)\)?\s*$/;
  for (const raw of stack.split("\n")) {
    const m = re.exec(raw);
    if (m) frames.push({ name: (m[1] ?? m[2] ?? "").trim(), line: Number(m[3]), column: Number(m[4]) });
  }
  return frames;
}
