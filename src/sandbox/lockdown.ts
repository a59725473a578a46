/**
 * Freezing the realm snippets run in, so a snippet cannot change what the
 * runtime (or the next run in the same worker) relies on.
 *
 * One worker serves many runs. Without this, `Array.prototype.push = ...`
 * or `Object.getPrototypeOf(asyncio.getRunningLoop()).callLater = ...` in
 * one run would change how every later run behaves, and a snippet could
 * replace `MessagePort.prototype.postMessage` to forge the worker's reply.
 * `lockdown()`:
 *
 * 1. tames the "override mistake": assigning to a property that an object
 *    inherits from a frozen prototype fails (`obj.toString = f` would throw
 *    once `Object.prototype` is frozen, and so would `this.name = ...` in
 *    an `Error` subclass). The few properties ordinary code assigns that
 *    way (`OVERRIDABLE`) become accessors whose setter defines an own
 *    property on the receiver, as SES's "moderate" taming does;
 * 2. hardens (deep-freezes, prototypes and property values included) the
 *    JavaScript intrinsics — also the ones no global names, such as
 *    `%GeneratorPrototype%` — plus the roots it is given (the runtime's
 *    modules and classes);
 * 3. with `globals`, hardens everything the global object holds (in the
 *    worker: every Web API interface, `navigator`, the stubs of
 *    `sandbox-stubs.ts`...) and makes the global's existing properties
 *    read-only. The global itself stays extensible, so a snippet may still
 *    create globals; `GlobalsSnapshot` removes them after each run.
 *
 * Rejected: SES (`lockdown()` + `Compartment`). It does all of this and
 * more, but adds a ~300 kB dependency to the worker (3× the runtime), costs
 * tens of milliseconds per worker start, and a Compartment's scope proxy
 * slows every global lookup in the snippet. The threat here is narrower:
 * there is no secret in the realm to protect, only the runtime's integrity
 * across runs; the network and the page are walled off by the frame's
 * content security policy and by the worker boundary, not by this file.
 *
 * Runs in the worker and in Node (the tests apply it in a child process,
 * then run every conformance scenario and lesson example).
 */

// Captured before anything can change them (this module runs before any snippet).
const { defineProperty, freeze, getOwnPropertyDescriptor, getPrototypeOf, isFrozen } = Object;
const { ownKeys } = Reflect;
const hasOwn = Object.hasOwn;

/**
 * Properties that ordinary code assigns on objects that inherit them
 * (`obj.toString = ...`, `this.message = ...` in an error class). Not
 * `Array.prototype.constructor` or `Promise.prototype.constructor`: V8
 * keys its species fast paths to those being plain data properties.
 */
export const OVERRIDABLE: Readonly<Record<string, readonly string[]>> = freeze({
  "Object.prototype": ["constructor", "toString", "toLocaleString", "valueOf", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable"],
  "Function.prototype": ["toString"],
  "Array.prototype": ["toString"],
  "Error.prototype": ["constructor", "name", "message", "toString"],
  "NativeError.prototype": ["constructor", "name", "message"],
});

const NATIVE_ERRORS = ["EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError", "URIError", "AggregateError", "SuppressedError"];

/** The ECMAScript globals (those present are hardened in every mode). */
export const STANDARD_GLOBALS: readonly string[] = freeze([
  "Object", "Function", "Array", "Number", "Boolean", "String", "Symbol", "BigInt", "Math", "JSON", "Reflect", "Proxy",
  "Promise", "Date", "RegExp", "Map", "Set", "WeakMap", "WeakSet", "WeakRef", "FinalizationRegistry", "Iterator",
  "ArrayBuffer", "SharedArrayBuffer", "DataView", "Atomics", "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array",
  "Uint16Array", "Int32Array", "Uint32Array", "Float16Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array",
  "Error", ...NATIVE_ERRORS, "DisposableStack", "AsyncDisposableStack", "Intl", "WebAssembly", "Temporal",
  "eval", "isFinite", "isNaN", "parseFloat", "parseInt", "decodeURI", "decodeURIComponent", "encodeURI", "encodeURIComponent", "escape", "unescape",
]);

export interface LockdownOptions {
  /** More objects to harden: the runtime's modules, classes and prototypes. */
  readonly roots?: readonly unknown[];
  /**
   * Also harden everything the global object holds and make its
   * properties read-only (the worker). Node's tests leave Node's own
   * globals alone and harden only the ECMAScript ones. Default: false.
   */
  readonly globals?: boolean;
}

export interface LockdownReport {
  /** Objects frozen (functions included). */
  readonly frozen: number;
  /** Objects that could not be frozen (e.g. a typed array with elements), described. */
  readonly failures: readonly string[];
  readonly ms: number;
}

let applied = false;

/** True once `lockdown()` ran in this realm. */
export function isLockedDown(): boolean {
  return applied;
}

/** Freezes the realm (see the module comment). Applying it twice is a no-op the second time. */
export function lockdown(options: LockdownOptions = {}): LockdownReport {
  const t0 = performance.now();
  if (applied) return { frozen: 0, failures: [], ms: 0 };
  applied = true;
  const g = globalThis as unknown as Record<string, unknown>;
  tameOverrides(g);
  const roots: unknown[] = [...anonymousIntrinsics(), ...(options.roots ?? [])];
  const names = options.globals ? ownKeys(g) : STANDARD_GLOBALS.filter((n) => hasOwn(g, n));
  for (const key of names) {
    const d = getOwnPropertyDescriptor(g, key);
    if (d === undefined) continue;
    roots.push(d.value, d.get, d.set);
  }
  if (options.globals) for (let p = getPrototypeOf(g); p !== null; p = getPrototypeOf(p)) roots.push(p);
  const report = harden(roots, [globalThis]);
  for (const key of names) {
    const d = getOwnPropertyDescriptor(g, key);
    if (d === undefined || !d.configurable) continue;
    try {
      defineProperty(g, key, "value" in d ? { writable: false, configurable: false } : { configurable: false });
    } catch (e) {
      report.failures.push(`globalThis.${String(key)}: ${(e as Error).message}`);
    }
  }
  return { frozen: report.frozen, failures: report.failures, ms: performance.now() - t0 };
}

/**
 * Deep-freezes `roots`: each object, its prototype chain, and every value,
 * getter and setter of its own properties, transitively. Objects in `skip`
 * are neither frozen nor walked (the global object). Getters are not
 * called. Module namespace objects (Node) cannot be frozen but are already
 * immutable; they are walked.
 */
export function harden(roots: readonly unknown[], skip: readonly object[] = []): { frozen: number; failures: string[] } {
  const seen = new Set<unknown>(skip);
  const todo: object[] = [];
  const failures: string[] = [];
  const add = (v: unknown) => {
    if ((typeof v === "object" && v !== null) || typeof v === "function") {
      if (!seen.has(v)) {
        seen.add(v);
        todo.push(v);
      }
    }
  };
  for (const r of roots) add(r);
  let frozen = 0;
  while (todo.length > 0) {
    const o = todo.pop() as object;
    try {
      freeze(o);
      frozen++;
    } catch (e) {
      if (!isModuleNamespace(o)) failures.push(`${describe(o)}: ${(e as Error).message}`);
    }
    add(getPrototypeOf(o));
    for (const key of ownKeys(o)) {
      let d: PropertyDescriptor | undefined;
      try {
        d = getOwnPropertyDescriptor(o, key);
      } catch {
        continue; // an uninitialized module binding
      }
      if (d === undefined) continue;
      if ("value" in d) add(d.value);
      else {
        add(d.get);
        add(d.set);
      }
    }
  }
  return { frozen, failures };
}

/** True if every object `roots` reach (as `harden` walks them) is frozen; else the first few that are not. */
export function unfrozen(roots: readonly unknown[], skip: readonly object[] = [], max = 10): string[] {
  const seen = new Set<unknown>(skip);
  const todo: unknown[] = [...roots];
  const out: string[] = [];
  while (todo.length > 0 && out.length < max) {
    const o = todo.pop();
    if (!((typeof o === "object" && o !== null) || typeof o === "function") || seen.has(o)) continue;
    seen.add(o);
    if (!isFrozen(o) && !isModuleNamespace(o)) out.push(describe(o));
    todo.push(getPrototypeOf(o));
    for (const key of ownKeys(o)) {
      let d: PropertyDescriptor | undefined;
      try {
        d = getOwnPropertyDescriptor(o, key);
      } catch {
        continue;
      }
      if (d) todo.push(d.value, d.get, d.set);
    }
  }
  return out;
}

function tameOverrides(g: Record<string, unknown>): void {
  const protoOf = (name: string) => (g[name] as { prototype?: object } | undefined)?.prototype;
  const targets: [object | undefined, readonly string[]][] = [
    [Object.prototype, OVERRIDABLE["Object.prototype"]],
    [Function.prototype, OVERRIDABLE["Function.prototype"]],
    [Array.prototype, OVERRIDABLE["Array.prototype"]],
    [Error.prototype, OVERRIDABLE["Error.prototype"]],
    ...NATIVE_ERRORS.map((n): [object | undefined, readonly string[]] => [protoOf(n), OVERRIDABLE["NativeError.prototype"]]),
  ];
  for (const [proto, keys] of targets) {
    if (proto === undefined) continue;
    for (const key of keys) tameOverride(proto, key);
  }
}

/**
 * Turns `proto[key]` into an accessor: reading gives the original value;
 * assigning through an object that inherits it defines an own property
 * there (what the assignment would do if `proto` were not frozen);
 * assigning on `proto` itself fails, as on any frozen object.
 */
function tameOverride(proto: object, key: string): void {
  const d = getOwnPropertyDescriptor(proto, key);
  if (d === undefined || !("value" in d) || !d.configurable) return;
  const value: unknown = d.value;
  defineProperty(proto, key, {
    get: function getter() {
      return value;
    },
    set: function setter(this: unknown, next: unknown) {
      if (this === proto) throw new TypeError(`Cannot assign to read only property '${key}' of a frozen built-in prototype`);
      if ((typeof this !== "object" || this === null) && typeof this !== "function") {
        throw new TypeError(`Cannot create property '${key}' on ${typeof this} '${String(this)}'`);
      }
      defineProperty(this, key, { value: next, writable: true, enumerable: true, configurable: true });
    },
    enumerable: d.enumerable,
    configurable: false,
  });
}

/** Intrinsics no global names: reached only through syntax or instances. */
function anonymousIntrinsics(): unknown[] {
  const out: unknown[] = [];
  const grab = (f: () => unknown) => {
    try {
      out.push(f());
    } catch {
      /* not in this engine */
    }
  };
  function* gen() {}
  async function* agen() {}
  async function afn() {}
  grab(() => getPrototypeOf(gen)); // %GeneratorFunction.prototype%, and through it %GeneratorPrototype%
  grab(() => getPrototypeOf(agen));
  grab(() => getPrototypeOf(afn));
  grab(() => getPrototypeOf(gen.prototype));
  grab(() => getPrototypeOf(agen.prototype));
  grab(() => getPrototypeOf([][Symbol.iterator]()));
  grab(() => getPrototypeOf(new Map().entries()));
  grab(() => getPrototypeOf(new Set().values()));
  grab(() => getPrototypeOf(""[Symbol.iterator]()));
  grab(() => getPrototypeOf("a".matchAll(/a/g)));
  grab(() => getPrototypeOf(Int8Array)); // %TypedArray%
  grab(() => getOwnPropertyDescriptor(Function.prototype, "caller")?.get); // %ThrowTypeError%
  grab(() => getPrototypeOf((Iterator as unknown as { from(x: unknown): object }).from({ next: () => ({ done: true, value: undefined }) })));
  grab(() => getPrototypeOf([].values().map((x) => x)));
  grab(() => {
    const segments = new Intl.Segmenter().segment("");
    return [getPrototypeOf(segments), getPrototypeOf(segments[Symbol.iterator]())];
  });
  return out;
}

function isModuleNamespace(o: object): boolean {
  return Object.prototype.toString.call(o) === "[object Module]";
}

function describe(o: object): string {
  try {
    if (typeof o === "function") return `function ${o.name || "(anonymous)"}`;
    const ctor = hasOwn(o, "constructor") ? (o as { constructor?: { name?: string } }).constructor : undefined;
    if (typeof ctor === "function") return `${ctor.name || "(anonymous)"}.prototype`;
    return Object.prototype.toString.call(o);
  } catch {
    return "(object)";
  }
}
