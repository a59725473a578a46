/**
 * The compile step of the snippet pipeline: a learner's TypeScript snippet
 * in, the body of a strict-mode function out, ready for
 * `new Function(host, code)` in the worker (or in Node for the CLI).
 *
 * Line N of the output is line N of the snippet, so a stack trace's line
 * numbers need no mapping (only the runner's own `new Function` header
 * offset); columns move where text was inserted, and `map` undoes that.
 * See walk.ts for what is rewritten and why.
 */
import { TransformContext } from "./context.ts";
import type { PositionMap } from "./edits.ts";
import { CompileError, fromParseError, type SnippetCompileError } from "./errors.ts";
import { DEFAULT_MODULES, type ImportBinding } from "./imports.ts";
import { type Node, parse, ParseBudgetError } from "./parse.ts";
import { transformProgram } from "./walk.ts";

export type { PositionMap } from "./edits.ts";
export type { SnippetCompileError } from "./errors.ts";
export type { ImportBinding } from "./imports.ts";

export interface CompileOptions {
  /** Identifier of the runtime host object in the generated code. Default: `"__al"`. */
  host?: string;
  /** Module names snippets may import. Default: `["asyncio", "aiohttp", "requests", "time", "bs4"]`. */
  modules?: readonly string[];
}

export type CompileResult =
  | { ok: true; code: string; map: PositionMap; imports: ImportBinding[] }
  | { ok: false; error: SnippetCompileError };

/**
 * Compile a snippet. Never throws for bad input: a parse error or an
 * unsupported construct comes back as `{ ok: false, error }` with Python's
 * exception name and the position in the learner's text.
 *
 * The generated code expects the host (`__al`) to provide:
 * - `co(generator, qualname)`: wrap a not-yet-started generator as a lazy
 *   coroutine; each value the generator yields is what an `await` awaits,
 *   and what the runtime sends back (or throws in) is the await's result;
 * - `l`: a writable property, the source line running now. The runtime reads
 *   it for events; it must save it when a coroutine yields and set it back
 *   when it resumes that coroutine (other tasks move it in between);
 * - `at(value, line)`: set `l = line`, return `value`;
 * - `imp(module, names?)`: the module object (raise Python's ImportError for
 *   a name it lacks).
 *
 * @example
 * const r = compile('import * as asyncio from "asyncio";\nawait asyncio.sleep(1);');
 * // r.ok === false, r.error: { name: "SyntaxError", message: "'await' outside async function", line: 2, column: 0 }
 */
export function compile(source: string, options: CompileOptions = {}): CompileResult {
  const cx = new TransformContext(source, options.host ?? "__al");
  let program: Node;
  try {
    program = parse(source);
  } catch (e) {
    if (e instanceof ParseBudgetError) {
      const message = "this code takes too long to read: its constructs nest too deeply for the parser (type assertions like <T>(…) inside each other?). Write them as (x as T) instead, or split the expression";
      return { ok: false, error: { name: "SyntaxError", message, ...cx.src.position(Math.min(e.pos, source.length)) } };
    }
    return { ok: false, error: fromParseError(e, cx.src) };
  }
  try {
    const imports = transformProgram(cx, program, options.modules ?? DEFAULT_MODULES);
    const { code, map } = cx.edits.apply();
    return { ok: true, code, map, imports };
  } catch (e) {
    if (e instanceof CompileError) return { ok: false, error: e.toSnippetError(cx.src) };
    throw e;
  }
}
