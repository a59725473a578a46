/**
 * The host object compiled snippets talk to (`__al` in the generated code):
 * the only door between a snippet and the runtime besides the globals.
 *
 * - `l`: the line running now (statements write it; the runtime reads it
 *   for every trace event and saves/restores it per task);
 * - `co(gen, qualname)`: wraps an async function's body as a lazy coroutine;
 * - `at(value, line)`: sets `l`, returns `value` (an await on another line);
 * - `imp(module, names)`: the module object, or Python's import errors;
 * - `enter(cm)` / `exit(cm, hasError, error)`: `await using` (async with);
 * - `aiter(obj)` / `anext(it)`: `for await` (async for).
 */
import { aiter, anext, type Coroutine, enter, exit, ImportError, MODULE_NAMES, MODULES, ModuleNotFoundError, SnippetCoroutine } from "../runtime/index.ts";

export interface SnippetHost {
  l: number;
  co(gen: Generator<unknown, unknown, unknown>, qualname: string): Coroutine;
  at<T>(value: T, line: number): T;
  imp(module: string, names?: readonly string[]): unknown;
  enter(cm: unknown): unknown;
  exit(cm: unknown, hasError: boolean, error: unknown): unknown;
  aiter(obj: unknown): unknown;
  anext(it: unknown): Coroutine;
}

/** A fresh host for one run. */
export function createHost(): SnippetHost {
  const host: SnippetHost = {
    l: 0,
    co: (gen, qualname) => new SnippetCoroutine(gen, qualname),
    at(value, line) {
      host.l = line;
      return value;
    },
    imp(module, names) {
      const mod = Object.prototype.hasOwnProperty.call(MODULES, module) ? MODULES[module] : undefined;
      if (mod === undefined) throw new ModuleNotFoundError(`No module named '${module}' (available: ${MODULE_NAMES.join(", ")})`);
      for (const name of names ?? []) {
        if (!Object.prototype.hasOwnProperty.call(mod, name)) throw new ImportError(`cannot import name '${name}' from '${module}' (unknown location)`);
      }
      return mod;
    },
    enter,
    exit,
    aiter,
    anext: (it) => anext(it as Parameters<typeof anext>[0]),
  };
  return host;
}
