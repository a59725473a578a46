import { describe, expect, it } from "vitest";
import { clearEdit, loadEdit, MAX_STORED, saveEdit } from "../../../src/components/playground/storage.ts";

class MemoryStorage implements Storage {
  private readonly data = new Map<string, string>();
  private readonly full: boolean;
  constructor(full = false) {
    this.full = full;
  }
  get length() {
    return this.data.size;
  }
  clear() {
    this.data.clear();
  }
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  key(i: number) {
    return [...this.data.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
  setItem(k: string, v: string) {
    if (this.full) throw new DOMException("full", "QuotaExceededError");
    this.data.set(k, v);
  }
  keys() {
    return [...this.data.keys()];
  }
}

describe("saved edits", () => {
  it("saves, loads and clears an edit per playground", () => {
    const s = new MemoryStorage();
    expect(loadEdit("a", s)).toEqual({ kind: "none" });
    expect(saveEdit("a", "print(1)", s, 42)).toBe(true);
    expect(loadEdit("a", s)).toEqual({ kind: "ok", edit: { code: "print(1)", savedAt: 42 } });
    expect(loadEdit("b", s)).toEqual({ kind: "none" });
    clearEdit("a", s);
    expect(loadEdit("a", s)).toEqual({ kind: "none" });
  });

  it("sets a corrupt entry aside instead of crashing, and reports it", () => {
    const s = new MemoryStorage();
    s.setItem("async-lab:edit:a", "{not json");
    const r = loadEdit("a", s);
    expect(r.kind).toBe("corrupt");
    expect(s.getItem("async-lab:edit:a")).toBeNull();
    expect(s.keys().some((k) => k.startsWith("async-lab:corrupt:a:") && s.getItem(k) === "{not json")).toBe(true);
    s.setItem("async-lab:edit:b", JSON.stringify({ code: 5, savedAt: 1 }));
    expect(loadEdit("b", s).kind).toBe("corrupt");
  });

  it("reports a refused save (storage full, oversized) instead of throwing", () => {
    expect(saveEdit("a", "x", new MemoryStorage(true))).toBe(false);
    expect(saveEdit("a", "x".repeat(MAX_STORED + 1), new MemoryStorage())).toBe(false);
    expect(saveEdit("a", "x", null)).toBe(false);
  });
});
