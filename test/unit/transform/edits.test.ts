import { describe, expect, it } from "vitest";
import { EditList } from "../../../src/sandbox/transform/edits.ts";
import { SourceText } from "../../../src/sandbox/transform/source-text.ts";

function edit(source: string, build: (e: EditList) => void) {
  const e = new EditList(new SourceText(source));
  build(e);
  return e.apply();
}

describe("EditList", () => {
  it("applies insertions, replacements and blanking in one pass", () => {
    const { code } = edit("let x: number = f(1);", (e) => {
      e.insert(0, "A;", "open", 0);
      e.blank(5, 13);
      e.replace(16, 17, "g");
    });
    expect(code).toBe("A;let x         = g(1);");
  });

  it("keeps every line break when blanking or replacing a range that spans lines", () => {
    const { code } = edit("a<\n  T\r\n>b\u2028c", (e) => {
      e.blank(1, 9);
      e.replace(9, 12, "XY");
    });
    expect(code).toBe("a \n   \r\n XY\u2028 ");
  });

  it("orders edits at one offset: closes innermost first, then opens outermost first, then a replacement", () => {
    const { code } = edit("xy", (e) => {
      e.insert(1, "[inner-open]", "open", 2);
      e.replace(1, 2, "Y");
      e.insert(1, "[outer-close]", "close", 1);
      e.insert(1, "[outer-open]", "open", 1);
      e.insert(1, "[inner-close]", "close", 2);
    });
    expect(code).toBe("x[inner-close][outer-close][outer-open][inner-open]Y");
  });

  it("refuses overlapping replacements, which would be a compiler bug", () => {
    expect(() => edit("abcdef", (e) => (e.blank(0, 3), e.blank(2, 4)))).toThrow(/overlapping/);
  });
});

describe("PositionMap", () => {
  it("maps copied text column for column past inserted text", () => {
    const { code, map } = edit("foo(bar)", (e) => e.insert(4, "PREFIX ", "open", 0));
    expect(code).toBe("foo(PREFIX bar)");
    expect(map.toSource(1, 11)).toEqual({ line: 1, column: 4 }); // b
    expect(map.toSource(1, 13)).toEqual({ line: 1, column: 6 }); // r
    expect(map.toSource(1, 2)).toEqual({ line: 1, column: 2 });
  });

  it("maps every column of inserted or replacing text to where it stands in the source", () => {
    const { map } = edit("ab", (e) => {
      e.insert(1, "1234", "open", 0);
      e.replace(1, 2, "<<>>");
    });
    for (let col = 1; col < 9; col++) expect(map.toSource(1, col).column).toBe(1);
    expect(map.toSource(1, 0).column).toBe(0);
  });

  it("maps blanked text like copied text, since columns do not move", () => {
    const { map } = edit("let x: T = 1", (e) => e.blank(5, 8));
    expect(map.toSource(1, 11)).toEqual({ line: 1, column: 11 });
  });

  it("keeps lines independent and clamps positions outside the text", () => {
    const { map } = edit("a\nbc\nd", (e) => {
      e.insert(0, "PROLOGUE;", "open", -1);
      e.insert(3, "__", "open", 0);
    });
    expect(map.toSource(1, 9)).toEqual({ line: 1, column: 0 });
    expect(map.toSource(2, 3)).toEqual({ line: 2, column: 1 });
    expect(map.toSource(3, 0)).toEqual({ line: 3, column: 0 });
    expect(map.toSource(9, 5).line).toBe(3);
  });
});
