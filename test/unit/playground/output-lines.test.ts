import { describe, expect, it } from "vitest";
import { cutLines, toLines } from "../../../src/components/playground/output-view.ts";
import type { OutputItem } from "../../../src/sandbox/run.ts";

/** The plain way: split every item (what the page did before it had to stay bounded). */
function naive(items: readonly OutputItem[]) {
  const lines: { text: string; stream: string; index: number }[] = [];
  let open: { text: string; stream: string; index: number } | null = null;
  items.forEach((item, index) => {
    if (item.stream === "warning") {
      open = null;
      lines.push({ text: item.text.replace(/\n$/, ""), stream: "warning", index });
      return;
    }
    const parts = item.text.split("\n");
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      if (last && part === "") return;
      if (open === null || open.stream !== item.stream) {
        open = { text: "", stream: item.stream, index };
        lines.push(open);
      }
      open.text += part;
      if (!last) open = null;
    });
  });
  return lines;
}

const item = (text: string, stream: OutputItem["stream"] = "stdout"): OutputItem => ({ text, stream, time: 0, task: null });

describe("output lines", () => {
  it("cut as the panel shows them: prints that end without a newline continue the line, a warning is a line of its own", () => {
    const items = [item("a"), item("b\nc\n"), item("\n\n"), item("err", "stderr"), item("d"), item("careful\n", "warning"), item("e\n")];
    expect(toLines(items).map((l) => [l.text, l.stream, l.index])).toEqual(naive(items).map((l) => [l.text, l.stream, l.index]));
  });

  it("agree with splitting every item, on many random outputs", () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    for (let round = 0; round < 200; round++) {
      const items: OutputItem[] = [];
      for (let i = rnd(8); i > 0; i--) items.push(item(Array.from({ length: rnd(6) }, () => ["x", "\n", "yz"][rnd(3)]).join(""), (["stdout", "stdout", "stderr", "warning"] as const)[rnd(4)]));
      expect(toLines(items).map((l) => `${l.stream}:${l.index}:${l.text}`), JSON.stringify(items)).toEqual(naive(items).map((l) => `${l.stream}:${l.index}:${l.text}`));
    }
  });

  it("keep only the first and last lines of a flood, and count all of them", () => {
    const items = [item("first\n"), item("\n".repeat(100_000)), item("last\n")];
    const cut = cutLines(items, 3, 2);
    expect(cut.total).toBe(100_002);
    expect(cut.cutAt).toBe(3);
    expect(cut.lines.map((l) => l.text)).toEqual(["first", "", "", "", "last"]);
    const all = cutLines(items.slice(0, 1), 3, 2);
    expect([all.total, all.cutAt, all.lines.length]).toEqual([1, -1, 1]);
  });
});
