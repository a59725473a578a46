/**
 * The leaves of Python's `repr()`: numbers, strings and the other primitives.
 *
 * JavaScript has one number type where Python has two, so the value decides:
 * an integral number prints as a Python `int` would (`3`,
 * `1000000000000000000000`), anything else as a Python `float` (`0.1`,
 * `1e-05`, `nan`). The rejected alternative was to print every number as a
 * float (`3.0`): snippets count tasks and seconds with integers far more often
 * than they compute floats that happen to be integral, and `print(xs.length)`
 * must show `3`. The one float an integer test cannot see is `-0`: `-0.0`.
 */

// Taken before any snippet runs, like the built-ins in inspect.ts.
const { apply } = Reflect;
const symbolDescription = Object.getOwnPropertyDescriptor(Symbol.prototype, "description")!.get!;

/**
 * Python's `repr(float)`: the shortest digits that round-trip (which is what
 * JavaScript's `String(x)` also finds), laid out by Python's rules rather than
 * JavaScript's: scientific notation when the decimal exponent is below -4 or
 * at least 16, with a signed exponent of at least two digits; otherwise fixed
 * notation that always shows a fractional part.
 *
 * @example floatRepr(1e-5) === "1e-05"; floatRepr(2) === "2.0"; floatRepr(NaN) === "nan"
 */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";

  const sign = x < 0 ? "-" : "";
  const { digits, exponent } = shortestDigits(Math.abs(x));
  if (exponent < -4 || exponent >= 16) {
    const mantissa = digits.length === 1 ? digits : `${digits[0]}.${digits.slice(1)}`;
    const e = Math.abs(exponent).toString().padStart(2, "0");
    return `${sign}${mantissa}e${exponent < 0 ? "-" : "+"}${e}`;
  }
  if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, "0");
  const fraction = digits.slice(exponent + 1) || "0";
  return `${sign}${whole}.${fraction}`;
}

/**
 * How a JavaScript number prints under `print` and `repr`: as Python's `int`
 * when `Number.isInteger` holds (every digit of its exact value, never an
 * exponent: `1e21` prints `1000000000000000000000` as `int(1e21)` does),
 * otherwise as Python's `float` (see {@link floatRepr}). `-0` prints `-0.0`.
 *
 * @example numberRepr(42) === "42"; numberRepr(0.1 + 0.2) === "0.30000000000000004"
 */
export function numberRepr(x: number): string {
  if (!Number.isInteger(x) || Object.is(x, -0)) return floatRepr(x);
  // Past 2 ** 53 String() writes only the digits that round-trip
  // (33880406476691870 for 33880406476691872), and from 1e21 an exponent;
  // BigInt writes the exact integer the double holds, as Python's int() does.
  return Math.abs(x) <= Number.MAX_SAFE_INTEGER ? String(x) : BigInt(x).toString();
}

/**
 * The shortest round-trip decimal digits of a positive finite `x` (no leading
 * or trailing zeros) and the decimal exponent of the first digit, so that
 * `x == 0.d1d2d3... * 10 ** (exponent + 1)`.
 */
function shortestDigits(x: number): { digits: string; exponent: number } {
  const text = String(x); // "123.45", "0.000123" or "1.5e-7", "1e+21"
  const e = text.indexOf("e");
  const mantissa = e === -1 ? text : text.slice(0, e);
  const shift = e === -1 ? 0 : Number(text.slice(e + 1));
  const point = mantissa.indexOf(".");
  const intPart = point === -1 ? mantissa : mantissa.slice(0, point);
  const all = intPart + (point === -1 ? "" : mantissa.slice(point + 1));
  const leadingZeros = all.length - all.replace(/^0+/, "").length;
  const digits = all.slice(leadingZeros).replace(/0+$/, "");
  return { digits, exponent: intPart.length - 1 - leadingZeros + shift };
}

/**
 * str() or repr() of a value that is not an object or a function: `None`,
 * `True`/`False`, numbers, bigints as Python ints, strings, and symbols
 * (which Python lacks) as `Symbol(description)`. `room` bounds the work for a
 * huge string (see {@link stringRepr}).
 */
export function primitiveRepr(value: unknown, str: boolean, room?: number): string {
  switch (typeof value) {
    case "string": return str ? value : stringRepr(value, room);
    case "number": return numberRepr(value);
    case "bigint": return value.toString();
    case "boolean": return value ? "True" : "False";
    case "symbol": return `Symbol(${(apply(symbolDescription, value, []) as string | undefined) ?? ""})`;
    default: return "None"; // null, undefined
  }
}

/**
 * Characters `repr` escapes besides the quote: the backslash and everything
 * CPython's `str.isprintable()` rejects (categories C* and Z* but the space).
 * Lone surrogates match as Cs and are escaped, as in CPython.
 */
const NOT_PRINTABLE = "\\\\\\p{C}\\p{Zl}\\p{Zp}\\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000";
const ESCAPE_IN_SINGLE = new RegExp(`[${NOT_PRINTABLE}']`, "gu");
const ESCAPE_IN_DOUBLE = new RegExp(`[${NOT_PRINTABLE}"]`, "gu");
const NAMED_ESCAPES: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "'": "\\'", '"': '\\"' };

function escape(char: string): string {
  const named = NAMED_ESCAPES[char];
  if (named) return named;
  const code = char.codePointAt(0)!;
  const hex = code.toString(16);
  if (code < 0x100) return `\\x${hex.padStart(2, "0")}`;
  if (code < 0x10000) return `\\u${hex.padStart(4, "0")}`;
  return `\\U${hex.padStart(8, "0")}`;
}

/**
 * CPython's `repr(str)`: single quotes unless the text holds `'` and no `"`,
 * then double quotes; escapes as CPython writes them (`\n`, `\x1b`,
 * `\u200b`); printable non-ASCII kept. Only the first `room` characters are
 * escaped, since a caller with that much room left would cut the rest.
 *
 * @example stringRepr("it's") === `"it's"`; stringRepr("a\tb") === "'a\\tb'"
 */
export function stringRepr(text: string, room = Infinity): string {
  const double = text.includes("'") && !text.includes('"');
  const head = text.length > room + 2 ? text.slice(0, room + 2) : text;
  const quote = double ? '"' : "'";
  return quote + head.replace(double ? ESCAPE_IN_DOUBLE : ESCAPE_IN_SINGLE, escape) + quote;
}
