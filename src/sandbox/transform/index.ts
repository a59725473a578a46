/** The snippet compiler: TypeScript snippet in, line-exact JavaScript with lazy coroutines out. */
export { compile } from "./compile.ts";
export type { CompileOptions, CompileResult, ImportBinding, PositionMap, SnippetCompileError } from "./compile.ts";
export { DEFAULT_MODULES } from "./imports.ts";
