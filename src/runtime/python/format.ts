/**
 * Python's `str()` and `repr()` for JavaScript values: what the snippet
 * globals `print` and `repr` show.
 *
 * The mapping: strings, numbers (see `scalars.ts`), `true`/`false` as
 * `True`/`False`, `null`/`undefined` as `None`, arrays as lists, plain objects
 * and Maps as dicts, Sets as sets, Errors as exceptions, and any object with a
 * `__repr__()` / `__str__()` method (the runtime's Task, Future, ...) through it.
 *
 * Learner code is hostile or buggy, so formatting never throws and runs no
 * learner code but `__repr__`/`__str__`, property getters (a dict shows its
 * values) and Proxy traps. In particular it never calls `toString`, `Symbol.toPrimitive`
 * or `JSON.stringify` on a learner's object, and it reaches built-ins through
 * references taken when this module loads, so a snippet that patches
 * `Map.prototype.entries` cannot change what a Map prints. Where the learner's
 * code throws, the innermost value being formatted prints as
 * `<Name object (repr failed: Error: message)>` and the rest prints normally.
 * Output is bounded: containers nested deeper than {@link MAX_DEPTH} print as
 * `...`, and a result longer than {@link MAX_LENGTH} is cut and ends in `...`.
 */
import {
  apply, brand, className, dateGetTime, dateToISOString, describeThrown, errorName, functionRepr,
  isArray, isError, isPlainObject, mapEntries, mapIteratorNext, mapSize, ownDescriptor, ownKeys, pyTypeName,
  regExpFlags, regExpSource, setIteratorNext, setSize, setValues, typedArrayLength, typedArrayName, unboxers,
} from "./inspect.ts";
import { primitiveRepr, stringRepr } from "./scalars.ts";

/** Containers nested deeper than this print as `...` (CPython raises RecursionError). */
export const MAX_DEPTH = 100;
/** Longest result, in UTF-16 code units, before `...` is appended (about 1 MB). */
export const MAX_LENGTH = 1_000_000;

/**
 * Python's `str()`: what `print()` shows for one value. Same as {@link pyRepr}
 * except at the top level: a string prints as is, an exception as its message,
 * an object through `__str__()` (falling back to `__repr__()`).
 *
 * @example pyStr("hi") === "hi"; pyStr(["hi"]) === "['hi']"; pyStr(new Error("boom")) === "boom"
 */
export function pyStr(value: unknown): string {
  return formatting((walk) => format(value, walk, true));
}

/**
 * Python's `repr()`.
 *
 * @example pyRepr("it's") === `"it's"`; pyRepr({ answer: 42 }) === "{'answer': 42}"; pyRepr(null) === "None"
 */
export function pyRepr(value: unknown): string {
  return formatting((walk) => format(value, walk, false));
}

/**
 * The text one `print(*args, sep=sep, end=end)` writes: each argument's
 * {@link pyStr} joined by `sep`, then `end`. A `sep`/`end` that is not a
 * string means the default, as Python's `None` does.
 *
 * @example formatPrint([1, "a", true]) === "1 a True\n"; formatPrint(["a", "b"], "-", "") === "a-b"
 */
export function formatPrint(args: readonly unknown[], sep: string = " ", end: string = "\n"): string {
  const separator = typeof sep === "string" ? sep : " ";
  const text = formatting((walk) => {
    for (let i = 0; i < args.length && !walk.out.full; i++) {
      if (i > 0) walk.out.write(separator);
      format(args[i], walk, true);
    }
  });
  return text + (typeof end === "string" ? end : "\n");
}

/**
 * Splits Python's keyword arguments off `print`'s arguments: when the last
 * argument is a plain object whose own keys are only `sep` and/or `end`, each
 * a string (or `null`/`undefined`, Python's `None`: the default), it is the
 * options, not a value. `print("a", "b", { sep: "" })` is `print("a", "b", sep="")`.
 * An empty object, or one with any other key or value, is a dict to print.
 * Getters are never called; an object that cannot be inspected is a value.
 *
 * @example splitPrintOptions(["a", { end: "" }]) // { items: ["a"], sep: " ", end: "" }
 */
export function splitPrintOptions(args: readonly unknown[]): { items: unknown[]; sep: string; end: string } {
  const items = [...args];
  const options = items.length > 0 ? printOptions(items[items.length - 1]) : undefined;
  if (options) items.pop();
  return { items, sep: options?.sep ?? " ", end: options?.end ?? "\n" };
}

function printOptions(value: unknown): { sep?: string; end?: string } | undefined {
  try {
    if (!isPlainObject(value)) return undefined;
    const keys = ownKeys(value);
    if (keys.length === 0) return undefined;
    const options: { sep?: string; end?: string } = {};
    for (const key of keys) {
      if (key !== "sep" && key !== "end") return undefined;
      const d = ownDescriptor(value, key);
      if (!d || !("value" in d)) return undefined;
      if (typeof d.value === "string") options[key] = d.value;
      else if (d.value !== null && d.value !== undefined) return undefined;
    }
    return options;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------
// The walk: one bounded output and the state of the containers being printed.

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;

/** Output that stops accepting text at {@link MAX_LENGTH} and remembers that it did. */
class Output {
  private parts: string[] = [];
  length = 0;
  full = false;

  write(text: string): void {
    if (this.full) return;
    const room = MAX_LENGTH - this.length;
    if (text.length > room) {
      // Never keep half of a surrogate pair.
      const cut = room > 0 && isHighSurrogate(text.charCodeAt(room - 1)) ? room - 1 : room;
      text = text.slice(0, cut);
      this.full = true;
    }
    this.parts.push(text);
    this.length += text.length;
  }

  get room(): number {
    return MAX_LENGTH - this.length;
  }

  mark(): readonly [number, number, boolean] {
    return [this.parts.length, this.length, this.full];
  }

  rollback([parts, length, full]: readonly [number, number, boolean]): void {
    this.parts.length = parts;
    this.length = length;
    this.full = full;
  }

  text(): string {
    return this.parts.join("") + (this.full ? "..." : "");
  }
}

interface Walk {
  out: Output;
  /** How many objects enclose the value being formatted. */
  depth: number;
  /** Containers being formatted, to print a cycle as `[...]` like CPython. */
  open: Set<object>;
}

/**
 * The walk in progress. A `__repr__` that calls `repr()` on its parts starts a
 * nested format that shares the depth and the open containers with this one,
 * so a `__repr__` that recurses forever still stops at {@link MAX_DEPTH}.
 */
let current: Walk | undefined;

function formatting(body: (walk: Walk) => void): string {
  const parent = current;
  const walk: Walk = { out: new Output(), depth: parent?.depth ?? 0, open: parent?.open ?? new Set() };
  current = walk;
  try {
    body(walk);
    return walk.out.text();
  } catch {
    return "<object (repr failed)>"; // only when even reporting a failure failed: a stack overflow
  } finally {
    current = parent;
  }
}

/** Writes str(value) or repr(value); where learner code throws, a note instead. */
function format(value: unknown, walk: Walk, str: boolean): void {
  if (typeof value === "function") return walk.out.write(functionRepr(value));
  if (typeof value !== "object" || value === null) return walk.out.write(primitiveRepr(value, str, walk.out.room));
  if (walk.depth >= MAX_DEPTH) return walk.out.write("...");
  const mark = walk.out.mark();
  walk.depth++;
  try {
    formatObject(value, walk, str);
  } catch (thrown) {
    walk.out.rollback(mark);
    const [what, cause] = thrown instanceof StrFailed ? ["str", thrown.cause] : ["repr", thrown];
    walk.out.write(`<${pyTypeName(value)} object (${what} failed: ${describeThrown(cause)})>`);
  } finally {
    walk.depth--;
  }
}

/** What a learner's `__str__` threw: the note then says `str failed`. */
class StrFailed {
  readonly cause: unknown;
  constructor(cause: unknown) {
    this.cause = cause;
  }
}

// ---------------------------------------------------------------------------
// Objects.

function formatObject(value: object, walk: Walk, str: boolean): void {
  const { __str__, __repr__ } = value as { __str__?: unknown; __repr__?: unknown };
  if (str && typeof __str__ === "function") return walk.out.write(callHook(value, __str__, "__str__"));
  if (typeof __repr__ === "function") return walk.out.write(callHook(value, __repr__, "__repr__"));

  if (isArray(value)) return sequence(value, walk, "[", "]", "[...]");
  if (isPlainObject(value)) return dict(value, ownKeys(value), walk);
  if (brand(mapSize, value)) return map(value as Map<unknown, unknown>, walk);
  if (brand(setSize, value)) return set(value as Set<unknown>, walk);
  if (isError(value)) return exception(value, walk, str);

  const typedName = brand(typedArrayName, value)?.result; // undefined for anything else
  if (typeof typedName === "string") {
    const length = apply(typedArrayLength, value, []) as number;
    return sequence(value as ArrayLike<unknown>, walk, `${typedName}([`, "])", "", length);
  }
  const time = brand(dateGetTime, value);
  if (time) {
    const iso = Number.isNaN(time.result) ? "Invalid Date" : (apply(dateToISOString, value, []) as string);
    return walk.out.write(str ? iso : `Date(${stringRepr(iso)})`);
  }
  const source = brand(regExpSource, value);
  if (source) return walk.out.write(`/${source.result as string}/${apply(regExpFlags, value, []) as string}`);
  for (const unbox of unboxers) {
    const boxed = brand(unbox, value);
    if (boxed) return walk.out.write(primitiveRepr(boxed.result, str, walk.out.room));
  }
  walk.out.write(`<${className(value)} object>`);
}

/** Calls a learner's `__str__`/`__repr__`, which must return a string, as CPython insists. */
function callHook(value: object, hook: Function, name: "__str__" | "__repr__"): string {
  try {
    const text: unknown = apply(hook, value, []);
    if (typeof text !== "string") throw new TypeError(`${name} returned non-string (type ${pyTypeName(text)})`);
    return text;
  } catch (thrown) {
    throw name === "__str__" ? new StrFailed(thrown) : thrown;
  }
}

/** A list (or a typed array): items by repr, `[...]` when it contains itself. */
function sequence(items: ArrayLike<unknown>, walk: Walk, open: string, close: string, cycle: string, length = items.length): void {
  if (walk.open.has(items)) return walk.out.write(cycle);
  walk.open.add(items);
  try {
    walk.out.write(open);
    // Every item writes at least ", ", so a huge (or endless, or sparse) array stops once the output is full.
    for (let i = 0; i < length && !walk.out.full; i++) {
      if (i > 0) walk.out.write(", ");
      format(items[i], walk, false);
    }
    walk.out.write(close);
  } finally {
    walk.open.delete(items);
  }
}

function dict(value: Record<string, unknown>, keys: readonly string[], walk: Walk): void {
  if (walk.open.has(value)) return walk.out.write("{...}");
  walk.open.add(value);
  try {
    walk.out.write("{");
    for (let i = 0; i < keys.length && !walk.out.full; i++) {
      walk.out.write(`${i > 0 ? ", " : ""}${stringRepr(keys[i], walk.out.room)}: `);
      format(value[keys[i]], walk, false);
    }
    walk.out.write("}");
  } finally {
    walk.open.delete(value);
  }
}

function map(value: Map<unknown, unknown>, walk: Walk): void {
  if (walk.open.has(value)) return walk.out.write("{...}");
  walk.open.add(value);
  try {
    walk.out.write("{");
    const entries = apply(mapEntries, value, []) as Iterator<[unknown, unknown]>;
    for (let i = 0; !walk.out.full; i++) {
      const next = apply(mapIteratorNext, entries, []) as IteratorResult<[unknown, unknown]>;
      if (next.done) break;
      if (i > 0) walk.out.write(", ");
      format(next.value[0], walk, false);
      walk.out.write(": ");
      format(next.value[1], walk, false);
    }
    walk.out.write("}");
  } finally {
    walk.open.delete(value);
  }
}

function set(value: Set<unknown>, walk: Walk): void {
  if (apply(setSize, value, []) === 0) return walk.out.write("set()");
  if (walk.open.has(value)) return walk.out.write("set(...)");
  walk.open.add(value);
  try {
    walk.out.write("{");
    const values = apply(setValues, value, []) as Iterator<unknown>;
    for (let i = 0; !walk.out.full; i++) {
      const next = apply(setIteratorNext, values, []) as IteratorResult<unknown>;
      if (next.done) break;
      if (i > 0) walk.out.write(", ");
      format(next.value, walk, false);
    }
    walk.out.write("}");
  } finally {
    walk.open.delete(value);
  }
}

/**
 * CPython's BaseException: repr is `Name(arg, ...)`; str is "" for no
 * argument, str(arg) for one (repr(arg) for KeyError, which quotes the
 * missing key), and the tuple's repr for several. The arguments are the
 * error's `args` array when it has one, else its message (none if empty).
 */
function exception(error: object, walk: Walk, str: boolean): void {
  const { args: own, message } = error as { args?: unknown; message?: unknown };
  const args: ArrayLike<unknown> = isArray(own) ? own : message === "" || message === undefined ? [] : [message];
  const name = errorName(error);
  if (!str) return sequence(args, walk, `${name}(`, ")", `${name}(...)`);
  if (args.length === 1) return format(args[0], walk, name !== "KeyError");
  if (args.length > 1) sequence(args, walk, "(", ")", "(...)");
}
