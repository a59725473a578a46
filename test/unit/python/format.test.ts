// Expected values are CPython's where Python has the value (checked with python3).
import { describe, expect, it } from "vitest";
import { pyRepr, pyStr } from "../../../src/runtime/index.ts";
import { formatPrint, splitPrintOptions } from "../../../src/runtime/testing.ts";

/** An error as the runtime raises them: a subclass whose name is Python's. */
class ValueError extends Error {
  override name = "ValueError";
}
class KeyError extends Error {
  override name = "KeyError";
}

/** Stands for the runtime's Task, whose repr is CPython's. */
class FakeTask {
  __repr__() {
    return "<Task pending name='Task-2' coro=<worker() running>>";
  }
}

describe("pyRepr", () => {
  it("prints primitives as Python's None, True, False, numbers and quoted strings", () => {
    expect(pyRepr(null)).toBe("None");
    expect(pyRepr(undefined)).toBe("None");
    expect(pyRepr(true)).toBe("True");
    expect(pyRepr(false)).toBe("False");
    expect(pyRepr(42)).toBe("42");
    expect(pyRepr(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(pyRepr(12n)).toBe("12");
    expect(pyRepr("it's")).toBe(`"it's"`);
  });

  it("prints arrays as lists whose items are reprs", () => {
    expect(pyRepr([1, "a", null])).toBe("[1, 'a', None]");
    expect(pyRepr([])).toBe("[]");
    expect(pyRepr([[1, 2], [true, [undefined]]])).toBe("[[1, 2], [True, [None]]]");
  });

  it("prints the holes of a sparse array as None", () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(pyRepr([1, , 3])).toBe("[1, None, 3]");
  });

  it("prints plain objects as dicts with quoted keys", () => {
    expect(pyRepr({ answer: 42 })).toBe("{'answer': 42}");
    expect(pyRepr({ a: null, b: true, c: [1.5, "x"] })).toBe("{'a': None, 'b': True, 'c': [1.5, 'x']}");
    expect(pyRepr({ 1: "one" })).toBe("{'1': 'one'}");
    expect(pyRepr({})).toBe("{}");
    expect(pyRepr(Object.assign(Object.create(null), { k: "v" }))).toBe("{'k': 'v'}");
  });

  it("leaves symbol keys out of a dict", () => {
    expect(pyRepr({ a: 1, [Symbol("hidden")]: 2 })).toBe("{'a': 1}");
  });

  it("prints Maps as dicts whose keys can be any value", () => {
    expect(pyRepr(new Map<unknown, unknown>([[1, "a"], ["b", [2]], [null, true]]))).toBe("{1: 'a', 'b': [2], None: True}");
    expect(pyRepr(new Map())).toBe("{}");
  });

  it("prints Sets as sets, and an empty Set as set()", () => {
    expect(pyRepr(new Set([1, "two"]))).toBe("{1, 'two'}");
    expect(pyRepr(new Set())).toBe("set()");
  });

  it("prints a container that contains itself as [...] or {...}, as CPython does", () => {
    const list: unknown[] = [1];
    list.push(list);
    expect(pyRepr(list)).toBe("[1, [...]]");
    const dict: Record<string, unknown> = {};
    dict.self = dict;
    expect(pyRepr(dict)).toBe("{'self': {...}}");
    const map = new Map<string, unknown>();
    map.set("m", [map]);
    expect(pyRepr(map)).toBe("{'m': [{...}]}");
    const set = new Set<unknown>([1]);
    set.add(set);
    expect(pyRepr(set)).toBe("{1, set(...)}");
  });

  it("prints a value shared by two places twice, since that is no cycle", () => {
    const shared = [1];
    expect(pyRepr([shared, shared])).toBe("[[1], [1]]");
  });

  it("prints functions without an address and classes as <class 'Name'>", () => {
    function greet() {}
    async function main() {}
    class Worker {}
    const bound = greet.bind(null);
    expect(pyRepr(greet)).toBe("<function greet>");
    expect(pyRepr(main)).toBe("<function main>");
    expect(pyRepr(() => 1)).toBe("<function <lambda>>");
    expect(pyRepr(bound)).toBe("<function bound greet>");
    expect(pyRepr(Worker)).toBe("<class 'Worker'>");
    expect(pyRepr(Map)).toBe("<class 'Map'>");
    expect(pyRepr([greet])).toBe("[<function greet>]");
  });

  it("prints an error as its class called with its message", () => {
    expect(pyRepr(new ValueError("boom"))).toBe("ValueError('boom')");
    expect(pyRepr(new ValueError())).toBe("ValueError()");
    expect(pyRepr(new KeyError("oops"))).toBe("KeyError('oops')");
    expect(pyRepr(new Error("it's"))).toBe(`Error("it's")`);
    expect(pyRepr(new TypeError("bad"))).toBe("TypeError('bad')");
    expect(pyRepr([new ValueError("x"), new KeyError("k")])).toBe("[ValueError('x'), KeyError('k')]");
  });

  it("names an error by its class when its name is Error's own", () => {
    class TimeoutError extends Error {}
    expect(pyRepr(new TimeoutError())).toBe("TimeoutError()");
  });

  it("prints an error's args array by Python's rules when it has one", () => {
    const error = Object.assign(new ValueError("a"), { args: ["a", 1] });
    expect(pyRepr(error)).toBe("ValueError('a', 1)");
    expect(pyRepr(Object.assign(new ValueError(), { args: [] }))).toBe("ValueError()");
  });

  it("prints objects through their __repr__, as the runtime's Task does", () => {
    expect(pyRepr(new FakeTask())).toBe("<Task pending name='Task-2' coro=<worker() running>>");
    expect(pyRepr([new FakeTask()])).toBe("[<Task pending name='Task-2' coro=<worker() running>>]");
  });

  it("ignores __str__ in repr", () => {
    expect(pyRepr({ __str__: () => "as str" })).toMatch(/^\{'__str__': <function __str__>\}$/);
  });

  it("prints other class instances as <ClassName object>", () => {
    class Point {
      x = 1;
    }
    expect(pyRepr(new Point())).toBe("<Point object>");
    expect(pyRepr(Promise.resolve())).toBe("<Promise object>");
    expect(pyRepr(new WeakMap())).toBe("<WeakMap object>");
    expect(pyRepr((function* () {})())).toBe("<Generator object>");
  });

  it("never calls toString, valueOf, toJSON or Symbol.toPrimitive on an object", () => {
    const calls: string[] = [];
    class Loud {
      toString() { calls.push("toString"); return "loud"; }
      valueOf() { calls.push("valueOf"); return 1; }
      toJSON() { calls.push("toJSON"); return {}; }
      [Symbol.toPrimitive]() { calls.push("toPrimitive"); return "loud"; }
    }
    expect(pyRepr([new Loud()])).toBe("[<Loud object>]");
    expect(pyStr(new Loud())).toBe("<Loud object>");
    expect(calls).toEqual([]);
  });

  it("prints dates, regular expressions, typed arrays and symbols in a readable form", () => {
    expect(pyRepr(new Date(0))).toBe("Date('1970-01-01T00:00:00.000Z')");
    expect(pyRepr(new Date(NaN))).toBe("Date('Invalid Date')");
    expect(pyRepr(/a+b/gi)).toBe("/a+b/gi");
    expect(pyRepr(new Uint8Array([1, 2, 3]))).toBe("Uint8Array([1, 2, 3])");
    expect(pyRepr(new Float64Array([0.5, -0]))).toBe("Float64Array([0.5, -0.0])");
    expect(pyRepr(new BigInt64Array([5n]))).toBe("BigInt64Array([5])");
    expect(pyRepr(Symbol("s"))).toBe("Symbol(s)");
    expect(pyRepr([Symbol.iterator])).toBe("[Symbol(Symbol.iterator)]");
  });

  it("prints boxed primitives as the primitive", () => {
    expect(pyRepr(new Number(3))).toBe("3");
    expect(pyRepr(new String("s"))).toBe("'s'");
    expect(pyRepr(new Boolean(false))).toBe("False");
    expect(pyRepr(Object(2n))).toBe("2");
  });

  it("prints a module namespace as <module object> rather than a dict of its exports", () => {
    const namespace = Object.defineProperty(Object.create(null), Symbol.toStringTag, { value: "Module" });
    expect(pyRepr(namespace)).toBe("<module object>");
  });
});

describe("pyStr", () => {
  it("prints a string as it is", () => {
    expect(pyStr("it's \"here\"\n")).toBe("it's \"here\"\n");
  });

  it("prints everything else but errors and __str__ objects as repr does", () => {
    expect(pyStr(1.5e-7)).toBe("1.5e-07");
    expect(pyStr(null)).toBe("None");
    expect(pyStr(false)).toBe("False");
    expect(pyStr(["Alice", "Bob"])).toBe("['Alice', 'Bob']");
    expect(pyStr({ answer: 42 })).toBe("{'answer': 42}");
    expect(pyStr(new FakeTask())).toBe("<Task pending name='Task-2' coro=<worker() running>>");
  });

  it("prints an error as its message, as str(exc) does", () => {
    expect(pyStr(new ValueError("boom"))).toBe("boom");
    expect(pyStr(new ValueError())).toBe("");
  });

  it("quotes a KeyError's key, as str(KeyError('oops')) does", () => {
    expect(pyStr(new KeyError("oops"))).toBe("'oops'");
    expect(pyStr(new KeyError())).toBe("");
  });

  it("applies Python's rules to an error's args", () => {
    expect(pyStr(Object.assign(new ValueError(), { args: [42] }))).toBe("42");
    expect(pyStr(Object.assign(new ValueError(), { args: ["a", 1] }))).toBe("('a', 1)");
    expect(pyStr(Object.assign(new KeyError(), { args: [1, 2] }))).toBe("(1, 2)");
    expect(pyStr(Object.assign(new KeyError(), { args: [7] }))).toBe("7");
  });

  it("prefers __str__ and falls back to __repr__", () => {
    const both = { __str__: () => "friendly", __repr__: () => "Both()" };
    expect(pyStr(both)).toBe("friendly");
    expect(pyRepr(both)).toBe("Both()");
    expect(pyStr([both])).toBe("[Both()]");
  });

  it("prints a date as its ISO text", () => {
    expect(pyStr(new Date(0))).toBe("1970-01-01T00:00:00.000Z");
  });
});

describe("formatPrint", () => {
  it("joins the str of each argument with a space and ends the line", () => {
    expect(formatPrint([1, "a"])).toBe("1 a\n");
    expect(formatPrint(["Hello,", ["Alice", "Bob"], true, null])).toBe("Hello, ['Alice', 'Bob'] True None\n");
  });

  it("prints an empty line for no arguments", () => {
    expect(formatPrint([])).toBe("\n");
  });

  it("uses the given separator and end", () => {
    expect(formatPrint(["a", "b", "c"], ", ", "!\n")).toBe("a, b, c!\n");
    expect(formatPrint(["a", "b"], "", "")).toBe("ab");
  });

  it("treats a separator or end that is not a string as the default, as Python's None", () => {
    expect(formatPrint(["a", "b"], null as unknown as string, undefined)).toBe("a b\n");
  });

  it("prints exceptions by their message", () => {
    expect(formatPrint(["error:", new ValueError("boom")])).toBe("error: boom\n");
  });
});

describe("splitPrintOptions", () => {
  it("takes a trailing {sep, end} object as print's keyword arguments", () => {
    expect(splitPrintOptions(["a", "b", { sep: "-" }])).toEqual({ items: ["a", "b"], sep: "-", end: "\n" });
    expect(splitPrintOptions(["a", { end: "" }])).toEqual({ items: ["a"], sep: " ", end: "" });
    expect(splitPrintOptions([{ sep: "", end: "!" }])).toEqual({ items: [], sep: "", end: "!" });
  });

  it("reads null or undefined options as the defaults, as Python's None", () => {
    expect(splitPrintOptions(["a", { sep: null, end: undefined }])).toEqual({ items: ["a"], sep: " ", end: "\n" });
  });

  it("keeps any other trailing object as a value to print", () => {
    const values = [{}, { sep: 1 }, { sep: "-", flush: true }, { answer: 42 }, new Map([["sep", "-"]])];
    for (const value of values) expect(splitPrintOptions(["a", value]).items).toEqual(["a", value]);
    class Options {
      sep = "-";
    }
    expect(splitPrintOptions([new Options()]).items).toHaveLength(1);
  });

  it("looks only at the last argument", () => {
    expect(splitPrintOptions([{ sep: "-" }, "a"])).toEqual({ items: [{ sep: "-" }, "a"], sep: " ", end: "\n" });
  });

  it("returns defaults for no arguments and leaves the arguments untouched", () => {
    expect(splitPrintOptions([])).toEqual({ items: [], sep: " ", end: "\n" });
    const args = ["a", { end: "" }];
    splitPrintOptions(args);
    expect(args).toHaveLength(2);
  });

  it("never calls a getter, and treats an object with one as a value", () => {
    let called = false;
    const sneaky = { get sep() { called = true; return "-"; } };
    expect(splitPrintOptions(["a", sneaky]).items).toEqual(["a", sneaky]);
    expect(called).toBe(false);
  });

  it("treats a Proxy whose traps throw as a value instead of throwing", () => {
    const hostile = new Proxy({}, { ownKeys() { throw new Error("no"); } });
    expect(splitPrintOptions([hostile]).items).toEqual([hostile]);
  });
});
