import { describe, expect, it } from "vitest";
import { firstRows, layout, MIN_PLOT_PX, sectionOf } from "../../../src/components/timeline/layout.ts";
import { buildModel } from "../../../src/components/timeline/model/model.ts";
import { exampleTrace } from "./helpers.ts";

const model = () => buildModel(exampleTrace("04-patterns-and-pitfalls/semaphore"));
const scene = (pinned: boolean) => {
  const m = model();
  const sections = pinned ? [sectionOf(m, 0, "Pinned run", true), sectionOf(m, 0, "This run", false)] : [sectionOf(m, 0, null, false)];
  return layout({ sections, viewWidth: 800, fontPx: 12, labelW: 150, zoom: 1, spread: false });
};

describe("cutting a scene to its first rows (the SVG download of a huge run)", () => {
  it("leaves a scene that fits alone", () => {
    const s = scene(false);
    expect(firstRows(s, s.rows.length)).toBe(s);
  });

  it("keeps the first rows, the row index of their lanes only, and a height that ends at the last row", () => {
    const s = scene(false);
    expect(s.rows.length).toBe(14);
    const cut = firstRows(s, 5);
    expect(cut.rows).toEqual(s.rows.slice(0, 5));
    expect([...cut.rowOf.values()].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4]);
    expect(cut.sectionRows).toEqual([{ first: 0, last: 4 }]);
    expect(cut.height).toBe(s.axisH + s.rows[4].y + s.rows[4].h + 4);
    expect(cut.width).toBe(s.width);
  });

  it("drops a run whose rows are all cut off when two are compared", () => {
    const s = scene(true);
    expect(s.sectionRows).toEqual([
      { first: 0, last: 14 },
      { first: 15, last: 29 },
    ]);
    const cut = firstRows(s, 20);
    expect(cut.sectionRows).toEqual([
      { first: 0, last: 14 },
      { first: 15, last: 19 },
    ]);
    expect(firstRows(s, 10).sectionRows).toEqual([
      { first: 0, last: 9 },
      { first: -1, last: -1 },
    ]);
  });
});

describe("the width a scene is laid out for", () => {
  it("fits the whole run in a wide view and remembers the view's width", () => {
    const m = model();
    const s = layout({ sections: [sectionOf(m, 0, null, false)], viewWidth: 800, fontPx: 12, labelW: 150, zoom: 1, spread: false });
    expect(s.viewWidth).toBe(800);
    expect(s.width).toBeLessThanOrEqual(800);
  });

  it("keeps a phone's plot readable: never narrower than MIN_PLOT_PX, so the view scrolls sideways", () => {
    const m = model();
    const s = layout({ sections: [sectionOf(m, 0, null, false)], viewWidth: 330, fontPx: 12, labelW: 90, zoom: 1, spread: false });
    expect(s.width - s.labelW - s.padRight - 8).toBeGreaterThanOrEqual(MIN_PLOT_PX - 1);
    expect(s.width).toBeGreaterThan(330);
  });
});
