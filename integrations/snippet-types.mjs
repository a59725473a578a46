// @ts-check
/**
 * The editor's view of the runtime: a declaration bundle in which each
 * snippet module ("asyncio", "aiohttp", ...) is a `declare module` whose
 * members carry the runtime's doc comments (they become the editor's hover
 * docs and completions), plus the snippet globals (print, repr, str,
 * Python's exceptions).
 *
 * Built with the TypeScript compiler from src/runtime at build time (and on
 * demand by the dev server), exposed to the page as the virtual module
 * `virtual:async-lab/snippet-types` (`export default` the .d.ts text).
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = fileURLToPath(new URL("../", import.meta.url));
const VIRTUAL = "virtual:async-lab/snippet-types";
const RESOLVED = "\0" + VIRTUAL;

/** Snippet module name → runtime file. */
export const SNIPPET_MODULES = {
  asyncio: "src/runtime/asyncio/index.ts",
  aiohttp: "src/runtime/net/aiohttp.ts",
  requests: "src/runtime/net/requests.ts",
  time: "src/runtime/time.ts",
  bs4: "src/runtime/bs4/index.ts",
};
const ENV = "src/sandbox/snippet-env.d.ts";

/** Module id for a runtime file inside the bundle: "al:runtime/core/future". */
/** @param {string} file */
function moduleId(file) {
  return "al:" + file.replace(/^src\//, "").replace(/\.d\.ts$|\.ts$/, "");
}

/** @param {string} fromFile @param {string} spec */
function resolveRelative(fromFile, spec) {
  const dir = fromFile.split("/").slice(0, -1);
  for (const part of spec.split("/")) {
    if (part === "..") dir.pop();
    else if (part !== ".") dir.push(part);
  }
  return dir.join("/");
}

/** Builds the declaration bundle text. */
export function buildSnippetTypes() {
  const entries = [...Object.values(SNIPPET_MODULES), ENV].map((f) => root + f);
  /** @type {Map<string, string>} */
  const out = new Map();
  const program = ts.createProgram(entries, {
    declaration: true,
    emitDeclarationOnly: true,
    allowImportingTsExtensions: true,
    rewriteRelativeImportExtensions: false,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2023.d.ts", "lib.esnext.disposable.d.ts"],
    types: [],
    strict: true,
    skipLibCheck: true,
    stripInternal: true,
  });
  program.emit(undefined, (fileName, text) => {
    if (fileName.endsWith(".d.ts")) out.set(fileName, text);
  });
  const chunks = [];
  for (const [fileName, text] of out) {
    const rel = fileName.startsWith(root) ? fileName.slice(root.length) : fileName;
    if (!rel.startsWith("src/")) continue;
    const body = text
      .replace(/^\/\/# sourceMappingURL=.*$/gm, "")
      .replace(/(from\s+|import\s*\(\s*|import\s+)(["'])(\.{1,2}\/[^"']+)\2/g, (_m, kw, q, spec) => `${kw}${q}${moduleId(resolveRelative(rel, spec))}${q}`)
      .replace(/^export declare /gm, "export ")
      .replace(/^declare /gm, "");
    chunks.push(`declare module "${moduleId(rel)}" {\n${body}\n}`);
  }
  for (const [name, file] of Object.entries(SNIPPET_MODULES)) {
    chunks.push(`declare module "${name}" {\n  export * from "${moduleId(file)}";\n}`);
  }
  // The globals: the env file's `declare global { ... }` at top level.
  const env = ts.sys.readFile(root + ENV) ?? "";
  const globals = env
    .replace(/import type \* as B from "[^"]+";/, `import type * as B from "${moduleId("src/runtime/builtins.ts")}";`)
    .replace(/^export \{\};\s*$/m, "");
  chunks.push(`declare module "al:snippet-globals" {\n${globals}\n}`);
  return chunks.join("\n\n");
}

/** Hash of everything the bundle is built from: the runtime's sources and the env file. */
function sourcesHash() {
  const hash = createHash("sha256");
  const walk = (/** @type {string} */ dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (p.endsWith(".ts")) hash.update(p).update(readFileSync(p));
    }
  };
  walk(root + "src/runtime");
  hash.update(readFileSync(root + ENV));
  return hash.digest("hex").slice(0, 16);
}

/** The bundle, from a cache keyed by the sources' hash (building it type-checks the runtime: seconds). */
export function cachedSnippetTypes() {
  const dir = root + "node_modules/.cache/async-lab";
  const file = `${dir}/snippet-types-${sourcesHash()}.d.ts`;
  try {
    return readFileSync(file, "utf8");
  } catch {
    const text = buildSnippetTypes();
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, text);
    return text;
  }
}

/** The Vite plugin serving the bundle as a virtual module. @returns {import("vite").Plugin} */
export function snippetTypesPlugin() {
  /** @type {string | null} */
  let cached = null;
  return {
    name: "async-lab:snippet-types",
    resolveId(id) {
      return id === VIRTUAL ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return;
      cached ??= cachedSnippetTypes();
      return `export default ${JSON.stringify(cached)};`;
    },
    handleHotUpdate({ file }) {
      if (file.includes("/src/runtime/") || file.endsWith("snippet-env.d.ts")) cached = null;
    },
  };
}
