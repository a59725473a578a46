/**
 * Names of the runtime's own functions, as Python would say them.
 *
 * A label on the timeline ("thread: requests.get()") or in a message
 * ("Exception in callback print('x')") names a function. For the learner's
 * functions `Function.name` is right: snippets are compiled in the page, so
 * their names are theirs. For the runtime's own functions it is not: the
 * site's bundle is minified, and `requests.get.name` there is "Oh". So the
 * runtime names its functions itself (`modules.ts` registers every function
 * and class method a snippet can import) and every label asks here.
 */

interface OwnName {
  /** Where it lives, as a snippet imports it: "requests.get", "asyncio.Event.set". */
  readonly qualified: string;
  /** Python's `__qualname__`: "get", "Event.set". */
  readonly qualname: string;
}

const OWN = new WeakMap<object, OwnName>();
/** `Object.getOwnPropertyDescriptor` as it was when the runtime loaded (a snippet may replace the global one). */
const { getOwnPropertyDescriptor } = Object;

/** Records the names of one of the runtime's functions. */
export function nameOwn(fn: object, qualified: string, qualname: string): void {
  if (!OWN.has(fn)) OWN.set(fn, { qualified, qualname });
}

/** Classes, and built-in constructors, are the functions whose `prototype` is read-only. */
export function isClass(fn: unknown): boolean {
  return typeof fn === "function" && getOwnPropertyDescriptor(fn, "prototype")?.writable === false;
}

/** Python's `__qualname__` of one of the runtime's own functions or classes, if `fn` is one. */
export function ownQualname(fn: unknown): string | undefined {
  return typeof fn === "function" ? OWN.get(fn)?.qualname : undefined;
}

/**
 * Registers a module's functions, its classes' methods, and the classes
 * themselves, as `module.name` (`moduleName` "" for the builtins).
 */
export function nameModule(moduleName: string, exports: Readonly<Record<string, unknown>>): void {
  const prefix = moduleName === "" ? "" : `${moduleName}.`;
  for (const [key, value] of Object.entries(exports)) {
    if (typeof value !== "function") continue;
    nameOwn(value, `${prefix}${key}`, key);
    if (!isClass(value)) continue;
    const proto = (value as { prototype?: object }).prototype;
    if (!proto) continue;
    for (const method of Object.getOwnPropertyNames(proto)) {
      if (method === "constructor" || method.startsWith("_")) continue;
      const d = Object.getOwnPropertyDescriptor(proto, method);
      if (d && typeof d.value === "function") nameOwn(d.value, `${prefix}${key}.${method}`, `${key}.${method}`);
    }
  }
}

/**
 * A function as a label names it: "requests.get" for the runtime's own,
 * the learner's own name for theirs, "<lambda>" for an anonymous one.
 */
export function functionLabel(fn: unknown): string {
  if (typeof fn !== "function") return "<lambda>";
  const own = OWN.get(fn);
  if (own) return own.qualified;
  return plainName(fn);
}

/** Python's `__qualname__` of a function: "get" for `requests.get`, the learner's own name, "<lambda>". */
export function functionQualname(fn: unknown): string {
  if (typeof fn !== "function") return "<lambda>";
  return OWN.get(fn)?.qualname ?? plainName(fn);
}

function plainName(fn: { name?: unknown }): string {
  const name = typeof fn.name === "string" ? fn.name.replace(/^bound /, "") : "";
  return name === "" ? "<lambda>" : name;
}
