// Expected values are CPython's (checked with python3): repr(float), str(int(x)), repr(str).
import { describe, expect, it } from "vitest";
import { floatRepr, numberRepr, primitiveRepr, stringRepr } from "../../../src/runtime/testing.ts";

describe("numberRepr", () => {
  it("prints integral numbers as Python ints, without a decimal point", () => {
    expect(numberRepr(0)).toBe("0");
    expect(numberRepr(42)).toBe("42");
    expect(numberRepr(-7)).toBe("-7");
    expect(numberRepr(2 ** 53)).toBe("9007199254740992");
  });

  it("prints the exact integer a huge double holds, as int(x) does, never an exponent", () => {
    expect(numberRepr(1e16)).toBe("10000000000000000");
    expect(numberRepr(3.388040647669187e16)).toBe("33880406476691872"); // String() says ...870
    expect(numberRepr(1e21)).toBe("1000000000000000000000");
    expect(numberRepr(1e23)).toBe("99999999999999991611392");
    expect(numberRepr(2 ** 64)).toBe("18446744073709551616");
    expect(numberRepr(-(2 ** 64))).toBe("-18446744073709551616");
    expect(numberRepr(Number.MAX_VALUE)).toHaveLength(309);
  });

  it("prints other numbers as Python floats", () => {
    expect(numberRepr(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(numberRepr(3.14)).toBe("3.14");
    expect(numberRepr(-2.5)).toBe("-2.5");
    expect(numberRepr(1 / 3)).toBe("0.3333333333333333");
    expect(numberRepr(123456789012345.6)).toBe("123456789012345.6");
  });

  it("switches to scientific notation below 1e-4 with a signed two-digit exponent", () => {
    expect(numberRepr(0.0001)).toBe("0.0001");
    expect(numberRepr(0.00012)).toBe("0.00012");
    expect(numberRepr(1e-5)).toBe("1e-05");
    expect(numberRepr(2.5e-5)).toBe("2.5e-05");
    expect(numberRepr(1.5e-7)).toBe("1.5e-07");
    expect(numberRepr(1e-100)).toBe("1e-100");
    expect(numberRepr(5e-324)).toBe("5e-324");
  });

  it("prints -0 as -0.0, the one float an integer test cannot see", () => {
    expect(numberRepr(-0)).toBe("-0.0");
  });

  it("prints NaN and the infinities as Python does", () => {
    expect(numberRepr(NaN)).toBe("nan");
    expect(numberRepr(1e308 * 10)).toBe("inf");
    expect(numberRepr(-1e308 * 10)).toBe("-inf");
  });
});

describe("floatRepr", () => {
  it("shows a fractional part on integral floats, as repr(float) does", () => {
    expect(floatRepr(2)).toBe("2.0");
    expect(floatRepr(0)).toBe("0.0");
    expect(floatRepr(-0)).toBe("-0.0");
    expect(floatRepr(1e15)).toBe("1000000000000000.0");
  });

  it("uses scientific notation from an exponent of 16 up", () => {
    expect(floatRepr(1e16)).toBe("1e+16");
    expect(floatRepr(1.5e16)).toBe("1.5e+16");
    expect(floatRepr(1e22)).toBe("1e+22");
    expect(floatRepr(-1.5e300)).toBe("-1.5e+300");
    expect(floatRepr(1e300 * 10)).toBe("1e+301");
  });
});

describe("stringRepr", () => {
  it("uses single quotes unless the text holds a single quote and no double quote", () => {
    expect(stringRepr("hi")).toBe("'hi'");
    expect(stringRepr("it's")).toBe(`"it's"`);
    expect(stringRepr('say "hi"')).toBe(`'say "hi"'`);
    expect(stringRepr(`both ' "`)).toBe(String.raw`'both \' "'`);
    expect(stringRepr("")).toBe("''");
  });

  it("escapes backslashes and the named control characters", () => {
    expect(stringRepr("a\\b")).toBe(String.raw`'a\\b'`);
    expect(stringRepr("\n\r\t")).toBe(String.raw`'\n\r\t'`);
  });

  it("escapes other unprintable characters as \\x, \\u or \\U, like CPython", () => {
    expect(stringRepr("\x00\x1b\x7f")).toBe(String.raw`'\x00\x1b\x7f'`);
    expect(stringRepr("\x85\xa0\xad")).toBe(String.raw`'\x85\xa0\xad'`);
    expect(stringRepr("\u200b\u2028\u3000 ")).toBe(String.raw`'\u200b\u2028\u3000 '`);
    expect(stringRepr("\u{e0001}\ue000\u{10ffff}")).toBe(String.raw`'\U000e0001\ue000\U0010ffff'`);
    expect(stringRepr("\u0378")).toBe(String.raw`'\u0378'`);
  });

  it("escapes a lone surrogate, which only an unprintable string can hold", () => {
    expect(stringRepr("\ud800")).toBe(String.raw`'\ud800'`);
    expect(stringRepr("a\udc00b")).toBe(String.raw`'a\udc00b'`);
  });

  it("keeps printable non-ASCII text as it is", () => {
    expect(stringRepr("café 日本 😀")).toBe("'café 日本 😀'");
  });

  it("escapes only the head of a string longer than the room left", () => {
    expect(stringRepr("\n".repeat(1000), 3)).toBe(`'${"\\n".repeat(5)}'`);
  });
});

describe("primitiveRepr", () => {
  it("maps JavaScript's other primitives to Python's", () => {
    expect(primitiveRepr(true, false)).toBe("True");
    expect(primitiveRepr(false, false)).toBe("False");
    expect(primitiveRepr(null, false)).toBe("None");
    expect(primitiveRepr(undefined, false)).toBe("None");
    expect(primitiveRepr(2n ** 70n, false)).toBe("1180591620717411303424");
    expect(primitiveRepr(Symbol("tag"), false)).toBe("Symbol(tag)");
    expect(primitiveRepr(Symbol(), false)).toBe("Symbol()");
  });

  it("leaves a string as it is for str and quotes it for repr", () => {
    expect(primitiveRepr("a'b", true)).toBe("a'b");
    expect(primitiveRepr("a'b", false)).toBe(`"a'b"`);
  });
});
