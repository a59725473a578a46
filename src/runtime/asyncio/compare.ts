/**
 * Python's `<` for the values a `PriorityQueue` holds: numbers (and
 * booleans as 0/1), strings by code point, arrays as tuples
 * (lexicographically). Anything else raises Python's `TypeError`.
 */
import { pyTypeName } from "../core/repr.ts";

function kind(x: unknown): "num" | "str" | "seq" | null {
  if (typeof x === "number" || typeof x === "boolean" || typeof x === "bigint") return "num";
  if (typeof x === "string") return "str";
  if (Array.isArray(x)) return "seq";
  return null;
}

function unsupported(a: unknown, b: unknown): TypeError {
  return new TypeError(`'<' not supported between instances of '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
}

/** Python's `a < b`. */
export function pyLess(a: unknown, b: unknown): boolean {
  const ka = kind(a);
  const kb = kind(b);
  if (ka === null || ka !== kb) throw unsupported(a, b);
  if (ka === "num") return Number(a) < Number(b);
  if (ka === "str") return (a as string) < (b as string);
  const x = a as unknown[];
  const y = b as unknown[];
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    if (pyEqual(x[i], y[i])) continue;
    return pyLess(x[i], y[i]);
  }
  return x.length < y.length;
}

function pyEqual(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => pyEqual(v, b[i]));
  if ((typeof a === "number" || typeof a === "boolean") && (typeof b === "number" || typeof b === "boolean")) return Number(a) === Number(b);
  return Object.is(a, b) || a === b;
}
