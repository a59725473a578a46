/**
 * Imports bind to the runtime host instead of to modules: the snippet runs
 * as a function body, where `import` is not allowed, and the modules it may
 * name (`asyncio`, `aiohttp`, ...) are the runtime's, not files.
 *
 *     import * as asyncio from "asyncio"       ->  const asyncio = __al.imp("asyncio");
 *     import { sleep, gather as g } from "asyncio"
 *                                              ->  const { sleep, gather :  g } = __al.imp("asyncio", ["sleep", "gather"]);
 *     import "asyncio"                         ->  __al.imp("asyncio");
 *
 * The runtime checks the names and raises Python's ImportError; the
 * compiler checks the module, so a typo fails before anything runs.
 *
 * Hoisting: an ES import is bound before any code runs; a `const` is bound
 * where it stands. Code above the import that *calls* an imported name
 * fails (TDZ), but a function declared above it that uses the name is fine,
 * because it runs later. Snippets import first, so this stays simple.
 */
import type { TransformContext } from "./context.ts";
import { CompileError } from "./errors.ts";
import type { Node } from "./parse.ts";
import type { Walker } from "./walk.ts";

/** What a snippet imports: lets the runner preload modules and the site show what a snippet uses. */
export type ImportBinding =
  | {
      /** The module, e.g. "asyncio". */
      module: string;
      /** The whole module object: `import * as local` or `import local` (both bind the module). */
      names: "*";
      local: string;
      /** 1-based line of the import. */
      line: number;
    }
  | {
      module: string;
      /** Imported names, in order: `import { sleep, gather as g }` gives ["sleep", "gather"]; [] for `import "asyncio"`. */
      names: readonly string[];
      /** Local names, parallel to `names`: ["sleep", "g"]. */
      local: readonly string[];
      line: number;
    };

/** Modules a snippet may import unless the caller says otherwise. */
export const DEFAULT_MODULES: readonly string[] = ["asyncio", "aiohttp", "requests", "time", "bs4"];

/** Fail like Python when a snippet names a module the runtime does not have. */
export function checkModule(source: Node, modules: readonly string[]): void {
  const name = String(source.value);
  if (name.startsWith(".")) {
    throw new CompileError("ImportError", "attempted relative import with no known parent package", source.start);
  }
  if (!modules.includes(name)) {
    const available = modules.join(", ");
    throw new CompileError("ModuleNotFoundError", `No module named '${name}' (available: ${available})`, source.start);
  }
}

/** Rewrite one (value) import declaration in place; returns the bindings it makes. */
export function rewriteImport(cx: TransformContext, node: Node, modules: readonly string[], line: number): ImportBinding[] {
  const source: Node = node.source;
  checkModule(source, modules);
  const module = String(source.value);
  const imp = (names?: string[]) =>
    `${cx.host}.imp(${JSON.stringify(module)}${names ? `, [${names.map((n) => JSON.stringify(n)).join(", ")}]` : ""})`;
  const needsSemicolon = cx.src.text[node.end - 1] !== ";";
  const end = needsSemicolon ? node.end : node.end - 1;

  const specifiers: Node[] = node.specifiers;
  if (specifiers.length === 0) {
    cx.edits.replace(node.start, end, imp());
    if (needsSemicolon) cx.edits.insert(node.end, ";", "close", 0);
    return [{ module, names: [], local: [], line }];
  }

  const bindings: ImportBinding[] = [];
  const named = specifiers.filter((s) => s.type === "ImportSpecifier");
  const whole = specifiers.filter((s) => s.type !== "ImportSpecifier");
  const last = specifiers.at(-1)!;
  cx.edits.replace(node.start, node.start + "import".length, "const");
  for (const s of whole) {
    if (s.type === "ImportNamespaceSpecifier") cx.edits.blank(s.start, s.local.start); // `* as `
    if (s !== last) cx.edits.insert(s.local.end, ` = ${imp()}`, "close", 0);
    bindings.push({ module, names: "*", local: s.local.name, line });
  }
  const names: string[] = [];
  const locals: string[] = [];
  for (const s of named) {
    if (s.importKind === "type") {
      // Blank `type X` with its comma; `{ a, }` is still a valid pattern, `{ a, , }` would not be.
      const after = cx.src.nextToken(s.end);
      cx.edits.blank(s.start, after.text === "," ? after.end : s.end);
      continue;
    }
    const imported = s.imported.type === "Identifier" ? s.imported.name : String(s.imported.value);
    if (s.imported.start !== s.local.start) {
      const as = cx.src.find(s.imported.end, s.local.start, "as");
      cx.edits.replace(as, as + 2, ": ");
    }
    names.push(imported);
    locals.push(s.local.name);
  }
  if (named.length > 0) bindings.push({ module, names, local: locals, line });

  // `from "m"` (and any `with { ... }`) becomes `= __al.imp("m", [...])`.
  const from = cx.src.find(last.end, source.start, "from");
  cx.edits.replace(from, source.end, `= ${named.length > 0 ? imp(names) : imp()}`);
  cx.edits.blank(source.end, end);
  if (needsSemicolon) cx.edits.insert(node.end, ";", "close", 0);
  return bindings;
}

/**
 * Exports mean nothing in a snippet: `export const x` is `const x`,
 * `export { a }` and re-exports go (a re-export's module is still checked),
 * `export default E` is the expression statement `;(E)` (the parentheses
 * keep `{ a: 1 }` an object and `function () {}` an expression).
 */
export function walkExport(w: Walker, node: Node, modules: readonly string[]): void {
  const cx = w.cx;
  const d: Node | null = node.declaration ?? null;
  if (node.type === "ExportDefaultDeclaration" && !((d!.type === "FunctionDeclaration" || d!.type === "ClassDeclaration") && d!.id)) {
    cx.edits.replace(node.start, d!.start, ";(");
    cx.edits.insert(d!.end, ")", "close", w.depth);
    return w.visit(d, "default");
  }
  if (d) {
    cx.edits.blank(node.start, d.start);
    return w.visit(d);
  }
  if (node.source) checkModule(node.source, modules);
  cx.erase(node.start, node.end);
}
