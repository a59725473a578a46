import { describe, expect, it } from "vitest";
import { primTexts } from "../../../src/components/timeline/describe.ts";
import { fitFirst, shorterCalls, shorterWaits } from "../../../src/components/timeline/paint/svg.ts";

/** A fixed-width font: 7 px a character. */
const measure = (text: string) => text.length * 7;

describe("labels that say what matters in the room they have", () => {
  it("offer shorter ways to say a request, a thread job and a gather", () => {
    expect(shorterWaits("GET httpbin.org/delay/3")).toEqual(["GET /delay/3", "/delay/3", "…/3"]);
    expect(shorterWaits("GET api.ratelimited.example/items/7")).toEqual(["GET /items/7", "/items/7", "…/7"]);
    expect(shorterWaits("thread: requests.get()")).toEqual(["requests.get()", "get()"]);
    expect(shorterWaits("gather (3 awaitables)")).toEqual(["gather"]);
    expect(shorterWaits("sleep 1 s")).toEqual([]);
    expect(shorterCalls("time.sleep(2)")).toEqual(["sleep(2)"]);
    expect(shorterCalls("<lambda>()")).toEqual([]);
  });

  it("keep the waiters of a primitive when the permits do not fit", () => {
    expect(primTexts("semaphore", 0, 7)).toEqual(["0 free · 7 waiting", "7 waiting", "7 w"]);
    expect(primTexts("semaphore", 2, 0)).toEqual(["2 free"]);
  });

  it("take the first candidate that fits whole, else cut the last one", () => {
    const c = ["0 free · 7 waiting", "7 waiting", "7 w"];
    expect(fitFirst(measure, c, 200)).toBe("0 free · 7 waiting");
    expect(fitFirst(measure, c, 70)).toBe("7 waiting");
    expect(fitFirst(measure, c, 30)).toBe("7 w");
    expect(fitFirst(measure, ["GET /delay/3", "/delay/3"], 45)).toBe("/dela…");
    expect(fitFirst(measure, c, 10)).toBeNull();
  });
});
