// Learner code is hostile or buggy: formatting must never throw, hang or grow without bound.
import { describe, expect, it } from "vitest";
import { pyRepr, pyStr } from "../../../src/runtime/index.ts";
import { formatPrint, MAX_DEPTH, MAX_LENGTH } from "../../../src/runtime/testing.ts";

class Bad {
  __repr__(): string {
    throw new Error("boom");
  }
}

describe("formatting hostile values", () => {
  it("notes a throwing getter in place of the object that has it, and prints the rest", () => {
    const broken = { a: 1, get b(): number { throw new RangeError("bad getter"); } };
    expect(pyRepr([1, broken, 2])).toBe("[1, <dict object (repr failed: RangeError: bad getter)>, 2]");
    expect(formatPrint(["x", broken])).toBe("x <dict object (repr failed: RangeError: bad getter)>\n");
  });

  it("notes a throwing __repr__ with the class name", () => {
    expect(pyRepr(new Bad())).toBe("<Bad object (repr failed: Error: boom)>");
    expect(pyStr({ items: [new Bad()] })).toBe("{'items': [<Bad object (repr failed: Error: boom)>]}");
  });

  it("notes a throwing __str__ as a failed str", () => {
    class Shy {
      __str__(): string {
        throw new TypeError("nope");
      }
    }
    expect(pyStr(new Shy())).toBe("<Shy object (str failed: TypeError: nope)>");
    expect(pyRepr(new Shy())).toBe("<Shy object>");
  });

  it("rejects a __repr__ that returns a non-string with CPython's message", () => {
    class Five {
      __repr__() {
        return 5;
      }
    }
    expect(pyRepr(new Five())).toBe("<Five object (repr failed: TypeError: __repr__ returned non-string (type int))>");
  });

  it("describes thrown non-errors and errors that cannot even be read", () => {
    class ThrowsString {
      __repr__(): string {
        throw "plain text";
      }
    }
    const unreadable = new Proxy(new Error("x"), { get() { throw new Error("again"); } });
    class ThrowsUnreadable {
      __repr__(): string {
        throw unreadable;
      }
    }
    expect(pyRepr(new ThrowsString())).toBe("<ThrowsString object (repr failed: plain text)>");
    expect(pyRepr(new ThrowsUnreadable())).toBe("<ThrowsUnreadable object (repr failed: unknown error)>");
  });

  it("survives Proxies whose traps throw", () => {
    const trap = () => {
      throw new Error("trap");
    };
    const traps = ["get", "ownKeys", "getPrototypeOf", "getOwnPropertyDescriptor", "has"] as const;
    for (const name of traps) {
      const proxy = new Proxy({ a: 1 }, { [name]: trap });
      expect(() => pyRepr(proxy)).not.toThrow();
      expect(() => pyStr([proxy])).not.toThrow();
      expect(() => formatPrint([proxy])).not.toThrow();
    }
    expect(pyRepr([new Proxy({}, { get: trap })])).toBe("[<dict object (repr failed: Error: trap)>]");
  });

  it("survives a revoked Proxy and a Proxy of a function", () => {
    const { proxy, revoke } = Proxy.revocable([1], {});
    revoke();
    expect(pyRepr([proxy])).toMatch(/^\[<object object \(repr failed: TypeError: .*\)>\]$/);
    const fn = new Proxy(function named() {}, { getOwnPropertyDescriptor() { throw new Error("no"); } });
    expect(pyRepr(fn)).toBe("<function>");
  });

  it("survives a Proxy that answers every property with a function", () => {
    const anything = new Proxy({}, { get: () => () => 1 });
    expect(pyRepr(anything)).toMatch(/repr failed: TypeError: __repr__ returned non-string \(type int\)/);
  });

  it("is not fooled by patched built-ins", () => {
    const entries = Map.prototype.entries;
    const values = Set.prototype.values;
    const isArray = Array.isArray;
    const patched = () => {
      throw new Error("patched");
    };
    let text: string;
    try {
      Map.prototype.entries = patched;
      Set.prototype.values = patched;
      Array.isArray = patched as unknown as typeof Array.isArray;
      text = pyRepr([new Map([[1, 2]]), new Set([3])]);
    } finally {
      Map.prototype.entries = entries;
      Set.prototype.values = values;
      Array.isArray = isArray;
    }
    expect(text).toBe("[{1: 2}, {3}]");
  });

  it("reads a class's name without calling a static name getter", () => {
    let called = false;
    class Sneaky {
      static get name(): string {
        called = true;
        throw new Error("no");
      }
    }
    expect(pyRepr(Sneaky)).toBe("<class '<anonymous>'>");
    expect(pyRepr(new Sneaky())).toMatch(/^<.* object>$/);
    expect(called).toBe(false);
  });

  it("stops a __repr__ that calls repr on itself forever", () => {
    class Mirror {
      __repr__(): string {
        return `Mirror(${pyRepr(this)})`;
      }
    }
    const text = pyRepr(new Mirror());
    expect(text.startsWith("Mirror(Mirror(")).toBe(true);
    expect(text.length).toBeLessThan(MAX_DEPTH * 10);
  });

  it("stops an error whose args contain itself", () => {
    const error = new Error("loop") as Error & { args: unknown[] };
    error.args = [error];
    expect(() => pyRepr(error)).not.toThrow();
    expect(() => pyStr(error)).not.toThrow();
  });
});

// Generous timeouts: these build big inputs, and speed is for benchmarks, not unit tests, to check.
describe("formatting huge values", { timeout: 60_000 }, () => {
  it(`prints containers nested deeper than ${MAX_DEPTH} as ...`, () => {
    let list: unknown[] = [];
    for (let i = 0; i < 10_000; i++) list = [list];
    expect(pyRepr(list)).toBe(`${"[".repeat(MAX_DEPTH)}...${"]".repeat(MAX_DEPTH)}`);

    let dict: Record<string, unknown> = {};
    for (let i = 0; i < 10_000; i++) dict = { d: dict };
    expect(pyStr(dict)).toBe(`${"{'d': ".repeat(MAX_DEPTH)}...${"}".repeat(MAX_DEPTH)}`);
  });

  it("bounds nesting that a Proxy makes up as it is read", () => {
    const endless: unknown[] = new Proxy([], { get: (_target, key) => (key === "length" ? 1 : endless) });
    const text = pyRepr(endless);
    expect(text.length).toBeLessThan(MAX_DEPTH * 3);
  });

  it("cuts a 10^6-item list at the length limit and marks the cut", () => {
    const million = Array.from({ length: 1_000_000 }, (_, i) => i);
    const text = pyRepr(million);
    expect(text.startsWith("[0, 1, 2, 3, ")).toBe(true);
    expect(text.endsWith("...")).toBe(true);
    expect(text.length).toBe(MAX_LENGTH + 3);
  });

  it("reads no more items than the output can hold, however long the array claims to be", () => {
    let reads = 0;
    const vast = new Proxy(new Array(2 ** 32 - 1), {
      get: (target, key) => (key === "length" ? target.length : (reads++, undefined)),
    });
    expect(pyRepr(vast).length).toBe(MAX_LENGTH + 3);
    expect(reads).toBeLessThanOrEqual(MAX_LENGTH / 2);
  });

  it("bounds huge Maps, Sets and dicts", () => {
    const keys = Array.from({ length: 60_000 }, (_, i) => `key${i}`.padEnd(20, "."));
    expect(pyRepr(new Map(keys.map((k) => [k, k]))).length).toBe(MAX_LENGTH + 3);
    expect(pyRepr(new Set(keys)).length).toBe(MAX_LENGTH + 3);
    expect(pyRepr(Object.fromEntries(keys.map((k) => [k, k]))).length).toBe(MAX_LENGTH + 3);
  });

  it("bounds huge strings, inside a list and on their own", () => {
    const huge = "x".repeat(5_000_000);
    expect(pyRepr([huge]).length).toBe(MAX_LENGTH + 3);
    expect(pyStr(huge).length).toBe(MAX_LENGTH + 3);
    expect(pyRepr("\n".repeat(5_000_000)).length).toBe(MAX_LENGTH + 3);
  });

  it("bounds what a __repr__ returns", () => {
    const chatty = { __repr__: () => "y".repeat(3_000_000) };
    expect(pyRepr([chatty]).length).toBe(MAX_LENGTH + 3);
  });

  it("bounds a whole print line and still ends it", () => {
    const line = formatPrint(["a".repeat(700_000), "b".repeat(700_000)]);
    expect(line.length).toBe(MAX_LENGTH + 4);
    expect(line.endsWith("b...\n")).toBe(true);
  });

  it("never cuts a surrogate pair in half", () => {
    // The limit falls between the halves of the last pair that would fit, so that pair is left out.
    const text = pyStr("a" + "😀".repeat(MAX_LENGTH));
    expect(text.endsWith("😀...")).toBe(true);
    expect(text.length).toBe(MAX_LENGTH - 1 + 3);
  });
});
