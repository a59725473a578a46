/**
 * Looking at a learner's value without running the learner's code.
 *
 * Built-ins are taken when this module loads, before any snippet runs, so a
 * snippet that patches `Map.prototype.entries` or `Function.prototype.call`
 * cannot change what its values print as. Kinds are told by brand checks
 * (calling a built-in that throws for any other kind), not `instanceof`,
 * which a learner's `Symbol.hasInstance` could answer. Names are read from
 * data properties only: a `static get name()` is never called.
 *
 * Proxies can still run code on every step (their traps); callers guard
 * with try/catch, which is why the helpers here may throw.
 */
import { isClass, ownQualname } from "../core/names.ts";
import { primitiveRepr } from "./scalars.ts";

/** `Reflect.apply`, as it was when the runtime loaded. */
export const { apply } = Reflect;
/** `Object.getPrototypeOf`, `Object.keys` and `Object.getOwnPropertyDescriptor`, as they were when the runtime loaded. */
export const { getPrototypeOf, keys: ownKeys, getOwnPropertyDescriptor: ownDescriptor } = Object;
/** `Array.isArray`, as it was when the runtime loaded. */
export const { isArray } = Array;

type Method = (this: unknown, ...args: unknown[]) => unknown;
const getter = (target: object, key: PropertyKey) => ownDescriptor(target, key)?.get as Method;
const ObjectPrototype = Object.prototype;
const isPrototypeOf = ObjectPrototype.isPrototypeOf;
const ErrorPrototype = Error.prototype;
const TypedArrayPrototype = getPrototypeOf(Uint8Array.prototype) as object;

/** Built-in getters and methods of Maps, Sets, typed arrays, Dates and RegExps, for brand checks (`brand`) and reading. */
export const mapSize = getter(Map.prototype, "size");
/** See `mapSize`. */
export const mapEntries = Map.prototype.entries as Method;
/** See `mapSize`. */
export const mapIteratorNext = getPrototypeOf(new Map().entries()).next as Method;
/** See `mapSize`. */
export const setSize = getter(Set.prototype, "size");
/** See `mapSize`. */
export const setValues = Set.prototype.values as Method;
/** See `mapSize`. */
export const setIteratorNext = getPrototypeOf(new Set().values()).next as Method;
/** See `mapSize`. */
export const typedArrayName = getter(TypedArrayPrototype, Symbol.toStringTag);
/** See `mapSize`. */
export const typedArrayLength = getter(TypedArrayPrototype, "length");
/** See `mapSize`. */
export const dateGetTime = Date.prototype.getTime as Method;
/** See `mapSize`. */
export const dateToISOString = Date.prototype.toISOString as Method;
/** See `mapSize`. */
export const regExpSource = getter(RegExp.prototype, "source");
/** See `mapSize`. */
export const regExpFlags = getter(RegExp.prototype, "flags");
/** `valueOf` of each boxed primitive: `new Number(3)` prints as `3`. */
export const unboxers: readonly Method[] = [
  Number.prototype.valueOf, String.prototype.valueOf, Boolean.prototype.valueOf,
  BigInt.prototype.valueOf, Symbol.prototype.valueOf,
] as Method[];

/** Calls a built-in on a value that may not be of its kind: `undefined` if it is not. */
export function brand(method: Method, value: object): { result: unknown } | undefined {
  try {
    return { result: apply(method, value, []) };
  } catch {
    return undefined;
  }
}

/** An object Python shows as a dict: `{...}` literals and `Object.create(null)`. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || isArray(value)) return false;
  const proto = getPrototypeOf(value);
  // A module namespace has a null prototype too; its @@toStringTag tells it apart.
  return proto === ObjectPrototype || (proto === null && ownDescriptor(value, Symbol.toStringTag) === undefined);
}

/** True for an `Error` (by its prototype chain, read with the built-in `isPrototypeOf`). */
export function isError(value: object): boolean {
  return apply(isPrototypeOf, ErrorPrototype, [value]) as boolean;
}

/** An error's Python class name: its `name`, unless that is Error's own, then its constructor's. */
export function errorName(error: object): string {
  const name = (error as { name?: unknown }).name;
  return typeof name === "string" && name !== "" && name !== "Error" ? name : className(error);
}

/** The name of the nearest constructor up the prototype chain (or its @@toStringTag). */
export function className(value: object): string {
  let proto = getPrototypeOf(value) as object | null;
  for (let hops = 0; proto !== null && hops < 1000; hops++) {
    const constructor: unknown = ownDescriptor(proto, "constructor")?.value;
    // The runtime's classes by the names it gives them (the site's bundle is minified).
    const name: unknown = typeof constructor === "function" ? (ownQualname(constructor) ?? ownDescriptor(constructor, "name")?.value) : undefined;
    if (typeof name === "string" && name !== "") return name;
    const tag: unknown = ownDescriptor(proto, Symbol.toStringTag)?.value; // Generator, ...
    if (typeof tag === "string" && tag !== "") return tag;
    proto = getPrototypeOf(proto) as object | null;
  }
  return getPrototypeOf(value) === null && ownDescriptor(value, Symbol.toStringTag)?.value === "Module" ? "module" : "object";
}

/** `<function name>` (CPython adds an address), `<class 'Name'>` for a class. */
export function functionRepr(fn: Function): string {
  try {
    const name: unknown = ownQualname(fn) ?? ownDescriptor(fn, "name")?.value;
    if (isClass(fn)) return `<class '${typeof name === "string" && name ? name : "<anonymous>"}'>`;
    return `<function ${typeof name === "string" && name ? name : "<lambda>"}>`;
  } catch {
    return "<function>"; // a Proxy whose traps throw
  }
}

/** Python's name for the type of a value, as its error messages show it (`int`, `list`, `dict`). */
export function pyTypeName(value: unknown): string {
  try {
    if (value === null || value === undefined) return "NoneType";
    if (typeof value === "function") return isClass(value) ? "type" : "function";
    if (typeof value !== "object") {
      if (typeof value === "number") return Number.isInteger(value) && !Object.is(value, -0) ? "int" : "float";
      return { bigint: "int", string: "str", boolean: "bool" }[typeof value as string] ?? typeof value;
    }
    if (isArray(value)) return "list";
    if (isPlainObject(value) || brand(mapSize, value)) return "dict";
    if (brand(setSize, value)) return "set";
    return isError(value) ? errorName(value) : className(value);
  } catch {
    return "object";
  }
}

/** `Name: message` for what learner code threw, read defensively and kept short. */
export function describeThrown(thrown: unknown): string {
  try {
    if (typeof thrown === "function") return functionRepr(thrown);
    if (typeof thrown !== "object" || thrown === null) return primitiveRepr(thrown, true).slice(0, 200);
    if (!isError(thrown)) return `<${className(thrown)} object>`;
    const message = (thrown as { message?: unknown }).message;
    const text = typeof message === "string" && message !== "" ? `: ${message.slice(0, 200)}` : "";
    return errorName(thrown) + text;
  } catch {
    return "unknown error";
  }
}
