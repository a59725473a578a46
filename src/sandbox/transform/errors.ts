/**
 * Compile errors, shaped like the Python exceptions a learner would get for
 * the same mistake, at the position in *their* text.
 */
import type { SourceText } from "./source-text.ts";

/** A compile error as the playground shows it: `SyntaxError: 'await' outside async function` at line 3. */
export interface SnippetCompileError {
  /** The Python exception class: a snippet that imports `numpy` fails like Python does, with `ModuleNotFoundError`. */
  name: "SyntaxError" | "ModuleNotFoundError" | "ImportError";
  /** Without the name and without a position suffix, e.g. `No module named 'numpy' (available: asyncio, ...)`. */
  message: string;
  /** 1-based line in the learner's source. */
  line: number;
  /** 0-based column in the learner's source. */
  column: number;
}

/** Thrown inside the transform and caught by `compile`; carries an offset, turned into line and column at the end. */
export class CompileError extends Error {
  readonly kind: SnippetCompileError["name"];
  /** Offset in the source. */
  readonly pos: number;

  constructor(kind: SnippetCompileError["name"], message: string, pos: number) {
    super(message);
    this.kind = kind;
    this.pos = pos;
  }

  toSnippetError(source: SourceText): SnippetCompileError {
    return { name: this.kind, message: this.message, ...source.position(this.pos) };
  }
}

/** Shorthand for the common case: a SyntaxError at an offset. */
export function syntaxError(message: string, pos: number): CompileError {
  return new CompileError("SyntaxError", message, pos);
}

/**
 * Acorn's messages, reworded where Python says it better. The parser also
 * rejects `await` in a plain function before the transform sees it, so
 * that message becomes Python's.
 */
const REWORDED: Record<string, string> = {
  "Cannot use keyword 'await' outside an async function": "'await' outside async function",
};

/** Turn an acorn SyntaxError (message ends in "(line:col)", `loc` set) into a snippet error. */
export function fromParseError(error: unknown, source: SourceText): SnippetCompileError {
  const e = error as { message?: string; pos?: number; loc?: { line: number; column: number } };
  if (typeof e?.message !== "string" || (e.loc === undefined && e.pos === undefined)) throw error;
  const message = e.message.replace(/ \(\d+:\d+\)$/, "");
  const where = e.loc ?? source.position(e.pos!);
  return { name: "SyntaxError", message: REWORDED[message] ?? message, line: where.line, column: where.column };
}
