import { describe, expect, it } from "vitest";
import { GlobalsSnapshot, GLOBAL_STUBS, installStubs, NAVIGATOR_STUBS, SandboxError } from "../../../src/sandbox/sandbox-stubs.ts";

/** A stand-in for a worker's global: real-looking members on the object and on its prototype. */
function fakeGlobal() {
  const calls: string[] = [];
  const proto: Record<string, unknown> = { fetch: () => calls.push("proto fetch"), importScripts: () => calls.push("importScripts") };
  const g = Object.create(proto) as Record<string, unknown>;
  g.fetch = () => calls.push("own fetch");
  g.WebSocket = class {};
  Object.defineProperty(g, "indexedDB", { get: () => ({ open: () => calls.push("idb") }), configurable: true });
  g.navigator = { sendBeacon: () => calls.push("beacon"), userAgent: "x" };
  return { g, proto, calls };
}

const message = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof SandboxError ? String((e as Error).message) : `not a SandboxError: ${String(e)}`;
  }
  return "did not throw";
};

describe("installStubs", () => {
  it("replaces network globals on the object and on its prototype with a clear SandboxError", () => {
    const { g, proto, calls } = fakeGlobal();
    expect(installStubs(g)).toEqual([]);
    expect(message(() => (g.fetch as () => void)())).toMatch(/^fetch\(\) is not available: network access is disabled in the sandbox/);
    expect(message(() => (proto.fetch as () => void).call(g))).toContain("network access is disabled in the sandbox");
    expect(message(() => new (g.WebSocket as new () => unknown)())).toContain("WebSocket() is not available");
    expect(message(() => (proto.importScripts as () => void)())).toContain("network access is disabled");
    expect(calls).toEqual([]);
  });

  it("turns storage reads and navigator.sendBeacon into errors, and leaves the rest of navigator alone", () => {
    const { g, calls } = fakeGlobal();
    installStubs(g);
    expect(message(() => g.indexedDB)).toContain("storage is disabled in the sandbox");
    const nav = g.navigator as Record<string, unknown>;
    expect(message(() => (nav.sendBeacon as () => void)())).toContain("navigator.sendBeacon() is not available");
    expect(nav.userAgent).toBe("x");
    expect(calls).toEqual([]);
  });

  it("installs stubs for names the global lacks, so the learner still reads why", () => {
    const { g } = fakeGlobal();
    installStubs(g);
    expect(message(() => (g.setTimeout as () => void)())).toContain("real timers are disabled in the sandbox");
    expect(message(() => g.document)).toContain("sandboxed worker");
    expect(Object.keys(GLOBAL_STUBS)).toEqual(expect.arrayContaining(["fetch", "XMLHttpRequest", "WebSocket", "EventSource", "WebTransport", "importScripts", "Worker", "FontFace"]));
    expect(Object.keys(NAVIGATOR_STUBS)).toContain("sendBeacon");
  });

  it("names what it could not replace (a non-configurable property)", () => {
    const { g } = fakeGlobal();
    Object.defineProperty(g, "XMLHttpRequest", { value: class {}, configurable: false });
    expect(installStubs(g)).toEqual(["XMLHttpRequest"]);
  });
});

describe("GlobalsSnapshot", () => {
  it("removes the globals added since the snapshot and keeps the others", () => {
    const g: Record<PropertyKey, unknown> = { kept: 1 };
    const snap = new GlobalsSnapshot(g);
    g.leaked = 2;
    g[Symbol.for("s")] = 3;
    expect(snap.restore()).toBe(true);
    expect(Reflect.ownKeys(g)).toEqual(["kept"]);
  });

  it("says so when a global added since cannot be removed", () => {
    const g: Record<string, unknown> = {};
    const snap = new GlobalsSnapshot(g);
    Object.defineProperty(g, "stuck", { value: 1, configurable: false });
    expect(snap.restore()).toBe(false);
  });
});
