/**
 * The few formatting needs of the scheduler itself: Python's `repr` of a
 * value inside an error message, bounded in length, and Python's type names.
 */
import { pyRepr } from "../python/format.ts";
import { functionQualname, ownQualname } from "./names.ts";

/** `repr(x)`, cut to `max` characters with `...` as Python's `reprlib` does. */
export function pyReprSafe(x: unknown, max = 200): string {
  const s = pyRepr(x);
  return s.length > max ? `${s.slice(0, max - 3)}...` : s;
}

/** Python's `type(x).__name__` for a JavaScript value. */
export function pyTypeName(x: unknown): string {
  if (x === null || x === undefined) return "NoneType";
  switch (typeof x) {
    case "number":
      return Number.isInteger(x) ? "int" : "float";
    case "string":
      return "str";
    case "boolean":
      return "bool";
    case "bigint":
      return "int";
    case "function":
      return "function";
    case "symbol":
      return "symbol";
  }
  if (Array.isArray(x)) return "list";
  const proto = Object.getPrototypeOf(x);
  if (proto === Object.prototype || proto === null) return "dict";
  const ctor = (proto as { constructor?: { name?: unknown } })?.constructor;
  const name = ownQualname(ctor) ?? ctor?.name;
  return typeof name === "string" && name !== "" ? name : "object";
}

/** How Python's loop names a callback in "Exception in callback f(1, 'a')". */
export function callbackName(fn: (...args: never[]) => unknown, args: readonly unknown[]): string {
  return `${functionQualname(fn)}(${args.map((a) => pyReprSafe(a, 60)).join(", ")})`;
}
