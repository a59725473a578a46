/**
 * Python-style tracebacks for errors a snippet raises:
 *
 *     Traceback (most recent call last):
 *       File "snippet.ts", line 19, in <module>
 *         asyncio.run(main());
 *       File "snippet.ts", line 8, in fetch
 *         throw new ValueError("bad input");
 *     ValueError: bad input
 *
 * Frames come from two places. The coroutine frames an error left (the
 * runtime records them as it unwinds a task's await chain, across tasks),
 * which JavaScript's own stack cannot show: a task's generators are resumed
 * by the scheduler, not called by each other. And, for an error raised
 * outside any coroutine, the snippet frames of the JavaScript stack.
 */
import { asyncFramesOf } from "../runtime/index.ts";
import { codePosition, SNIPPET_FILE, snippetFrames } from "./evaluate.ts";
import type { PositionMap } from "./transform/compile.ts";

export interface TracebackFrame {
  readonly name: string;
  /** 1-based snippet line. */
  readonly line: number;
  readonly column: number;
  /** The source line, trimmed. */
  readonly source: string;
}

/** Frames outermost first, and the traceback text up to (not including) the last line. */
export function buildTraceback(error: unknown, source: string, map: PositionMap, moduleLine: number): { frames: TracebackFrame[]; text: string } {
  const lines = source.split(/\r\n?|\n/);
  const text = (line: number) => (lines[line - 1] ?? "").trim();
  const js = snippetFrames(error).map((f) => {
    const p = codePosition(f.line, f.column);
    const s = map.toSource(p.line, p.column);
    return { name: f.name, line: s.line, column: s.column };
  });
  const frames: TracebackFrame[] = [];
  if (moduleLine > 0) frames.push({ name: "<module>", line: moduleLine, column: 0, source: text(moduleLine) });
  const asyncFrames = asyncFramesOf(error);
  if (asyncFrames.length > 0) {
    for (const [name, line] of asyncFrames) {
      const col = js.find((f) => f.line === line)?.column ?? 0;
      frames.push({ name, line, column: col, source: text(line) });
    }
  } else {
    // Raised outside any coroutine: the JavaScript stack is the whole story (innermost first there).
    const inner = mergeCoroutineWrappers(js.filter((f) => f.line > 0)).reverse();
    if (inner.length > 0 && frames.length > 0 && inner[0].line === moduleLine) frames.pop();
    for (const f of inner) frames.push({ name: f.name === "" || f.name === "Object.<anonymous>" ? "<module>" : f.name, line: f.line, column: f.column, source: text(f.line) });
  }
  const body = frames.map((f) => `  File "${SNIPPET_FILE}", line ${f.line}, in ${f.name}\n    ${f.source}\n`).join("");
  return { frames, text: frames.length ? `Traceback (most recent call last):\n${body}` : "" };
}

/**
 * An async function declaration runs as two frames (rewrite-async.ts): the
 * generator `__al$name`, which evaluates the parameters, called by the
 * wrapper `name`. Python has one frame there: keep the generator's (it has
 * the line) under the function's name, and drop the wrapper's.
 */
function mergeCoroutineWrappers<F extends { name: string }>(innerFirst: F[]): F[] {
  const out: F[] = [];
  for (let i = 0; i < innerFirst.length; i++) {
    const f = innerFirst[i];
    if (!f.name.startsWith("__al$")) {
      out.push(f);
      continue;
    }
    const name = f.name.slice("__al$".length);
    out.push({ ...f, name });
    if (innerFirst[i + 1]?.name === name) i++;
  }
  return out;
}
