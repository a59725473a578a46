import * as Comlink from "comlink";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, guardPort, type RequestKind, screenReply } from "../../../src/components/playground/guarded-port.ts";

const limits = { ...DEFAULT_LIMITS, maxRunBytes: 100, maxWarmChars: 200, maxErrorChars: 10 };

function screen(data: unknown, pending: [string, RequestKind][]) {
  const map = new Map(pending);
  const reports: string[] = [];
  return { out: screenReply(data, map, limits, (w) => reports.push(w)), reports, map };
}

describe("screenReply", () => {
  it("drops a message that answers no request, and a second answer to the same request", () => {
    expect(screen({ type: "done" }, []).reports).toEqual(["a message that is not a reply to any request"]);
    const forged = screen({ id: "9", type: "RAW", value: new ArrayBuffer(1) }, [["1", "run"]]);
    expect(forged.out).toBeNull();
    expect(forged.reports[0]).toContain("unsolicited, forged or repeated");
    const first = screen({ id: "1", type: "RAW", value: new ArrayBuffer(1) }, [["1", "run"]]);
    expect(first.out).not.toBeNull();
    const again: string[] = [];
    expect(screenReply({ id: "1", type: "RAW", value: new ArrayBuffer(1) }, first.map, limits, (w) => again.push(w))).toBeNull();
    expect(again.length).toBe(1);
  });

  it("passes a run reply only as a buffer within the cap, and fails the request otherwise", () => {
    const ok = screen({ id: "1", type: "RAW", value: new ArrayBuffer(100) }, [["1", "run"]]);
    expect(ok.out).toEqual({ id: "1", type: "RAW", value: expect.any(ArrayBuffer) });
    const big = screen({ id: "1", type: "RAW", value: new ArrayBuffer(101) }, [["1", "run"]]);
    expect(big.out?.type).toBe("HANDLER");
    expect(big.reports[0]).toContain("101 bytes");
    expect(screen({ id: "1", type: "RAW", value: { ok: true } }, [["1", "run"]]).out?.type).toBe("HANDLER");
  });

  it("copies a warm-up reply as plain data, and refuses one too large or not plain", () => {
    const value = { ok: true, problems: [] as string[] };
    const ok = screen({ id: "2", type: "RAW", value }, [["2", "warm"]]);
    expect(ok.out?.value).toEqual(value);
    expect(ok.out?.value).not.toBe(value);
    expect(screen({ id: "2", type: "RAW", value: { big: "x".repeat(300) } }, [["2", "warm"]]).out?.type).toBe("HANDLER");
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(screen({ id: "2", type: "RAW", value: cyclic }, [["2", "warm"]]).out?.type).toBe("HANDLER");
  });

  it("caps a thrown error's name and message, and turns a non-error throw into one", () => {
    const t = screen({ id: "3", type: "HANDLER", name: "throw", value: { isError: true, value: { name: "N".repeat(50), message: "M".repeat(50), stack: "S" } } }, [["3", "run"]]);
    expect(t.out).toEqual({ id: "3", type: "HANDLER", name: "throw", value: { isError: true, value: { name: "N".repeat(10), message: "M".repeat(10), stack: "" } } });
    const odd = screen({ id: "3", type: "HANDLER", name: "throw", value: { isError: false, value: 42 } }, [["3", "run"]]);
    expect((odd.out?.value as { value: { name: string } }).value.name).toBe("Error");
  });

  it("refuses a reply type or a request it does not know", () => {
    expect(screen({ id: "4", type: "HANDLER", name: "proxy", value: {} }, [["4", "run"]]).out?.type).toBe("HANDLER");
    expect(screen({ id: "5", type: "RAW", value: 1 }, [["5", "other"]]).reports[0]).toContain("never makes");
  });
});

describe("guardPort with comlink", () => {
  it("answers the page's calls and drops what the other end sends unasked", async () => {
    const { port1, port2 } = new MessageChannel();
    const reports: string[] = [];
    Comlink.expose(
      {
        run: () => {
          port2.postMessage({ id: "forged", type: "RAW", value: new ArrayBuffer(1) });
          port2.postMessage({ type: "done" });
          return new ArrayBuffer(8);
        },
        warm: () => ({ ok: true }),
      },
      port2,
    );
    const api = Comlink.wrap<{ run(): ArrayBuffer; warm(): { ok: boolean } }>(guardPort(port1, (w) => reports.push(w)));
    expect((await api.run()).byteLength).toBe(8);
    expect(await api.warm()).toEqual({ ok: true });
    await new Promise((ok) => setTimeout(ok, 20));
    expect(reports).toEqual(["a reply to no outstanding request (unsolicited, forged or repeated)", "a message that is not a reply to any request"]);
    port1.close();
    port2.close();
  });
});
