import LZString from "lz-string";
import { describe, expect, it } from "vitest";
import { MAX_CODE, MAX_ENCODED, MAX_LINES, playgroundUrl, readShare, shareUrl, withoutShare } from "../../../src/components/playground/share.ts";

const page = { origin: "https://asynclab.example", pathname: "/lessons/02-basics/" };

describe("share links", () => {
  it("round-trips code through a link, anchored at the playground", () => {
    const code = 'import * as asyncio from "asyncio";\nprint("héllo & <b>bye</b>");\n';
    const url = new URL(shareUrl(page, "greeters", code));
    expect(url.pathname).toBe("/lessons/02-basics/");
    expect(url.hash).toBe("#pg-greeters");
    expect(readShare(url.search)).toEqual({ kind: "ok", id: "greeters", code });
  });

  it("gives a playground's own link without code", () => {
    expect(playgroundUrl(page, "greeters")).toBe("https://asynclab.example/lessons/02-basics/#pg-greeters");
  });

  it("says none when the location holds no share parameters", () => {
    expect(readShare("?utm=x")).toEqual({ kind: "none" });
  });

  it("rejects a corrupt link with a message instead of throwing", () => {
    expect(readShare("?pg=greeters&code=%25%25garbage")).toMatchObject({ kind: "invalid", id: "greeters" });
    expect(readShare("?pg=greeters&code=")).toMatchObject({ kind: "invalid", message: expect.stringContaining("no code") });
    expect(readShare("?pg=../../etc&code=abc")).toMatchObject({ kind: "invalid", id: null });
  });

  it("refuses an oversized link before decoding it, and an oversized decoded program", () => {
    expect(readShare(`?pg=play&code=${"A".repeat(MAX_ENCODED + 1)}`)).toMatchObject({ kind: "invalid", message: expect.stringContaining("too long") });
    const huge = LZString.compressToEncodedURIComponent("x".repeat(MAX_CODE + 1));
    expect(huge.length).toBeLessThanOrEqual(MAX_ENCODED);
    expect(readShare(`?pg=play&code=${huge}`)).toMatchObject({ kind: "invalid", message: expect.stringContaining("too long") });
  });

  it("refuses a small link that decodes to more lines than a playground takes, and takes one at the limit", () => {
    const blank = LZString.compressToEncodedURIComponent(`${"\n".repeat(15_000)}print(1);`);
    expect(blank.length).toBeLessThan(400);
    expect(readShare(`?pg=play&code=${blank}`)).toMatchObject({ kind: "invalid", message: expect.stringContaining(`more than ${MAX_LINES.toLocaleString("en-US")} lines`) });
    const atLimit = LZString.compressToEncodedURIComponent(`${"\n".repeat(MAX_LINES - 1)}print(1);`);
    expect(readShare(`?pg=play&code=${atLimit}`)).toMatchObject({ kind: "ok" });
  });

  it("removes the share parameters and keeps the others", () => {
    expect(withoutShare("?a=1&pg=x&code=y&b=2")).toBe("?a=1&b=2");
    expect(withoutShare("?pg=x&code=y")).toBe("");
  });
});
