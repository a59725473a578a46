/**
 * A learner's edits, kept per playground in localStorage so they survive a
 * reload and a crashed run. Stored data is checked when read: an entry that
 * does not parse is set aside (kept under another key, never deleted) and
 * reported, and the page goes on with the lesson's code.
 */
const PREFIX = "async-lab:edit:";
const ASIDE = "async-lab:corrupt:";
/** Largest edit we store (characters); a learner's snippet is far smaller. */
export const MAX_STORED = 200_000;

export interface StoredEdit {
  readonly code: string;
  /** When it was saved (ms since epoch). */
  readonly savedAt: number;
}

export type LoadResult = { kind: "none" } | { kind: "ok"; edit: StoredEdit } | { kind: "corrupt"; message: string };

function store(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled (privacy mode, sandboxed page)
  }
}

/** The saved edit of playground `id`, if any. */
export function loadEdit(id: string, storage: Storage | null = store()): LoadResult {
  if (storage === null) return { kind: "none" };
  let raw: string | null;
  try {
    raw = storage.getItem(PREFIX + id);
  } catch {
    return { kind: "none" };
  }
  if (raw === null) return { kind: "none" };
  try {
    const data = JSON.parse(raw) as unknown;
    if (typeof data === "object" && data !== null && typeof (data as StoredEdit).code === "string" && typeof (data as StoredEdit).savedAt === "number" && (data as StoredEdit).code.length <= MAX_STORED) {
      return { kind: "ok", edit: { code: (data as StoredEdit).code, savedAt: (data as StoredEdit).savedAt } };
    }
  } catch {
    /* fall through */
  }
  try {
    storage.setItem(`${ASIDE}${id}:${Date.now()}`, raw);
    storage.removeItem(PREFIX + id);
  } catch {
    /* storage full or read-only: leave it */
  }
  return { kind: "corrupt", message: "Your saved edit of this example could not be read, so it was set aside and the lesson's code is shown." };
}

/** Saves `code` as the edit of playground `id`; returns false if storage refused. */
export function saveEdit(id: string, code: string, storage: Storage | null = store(), now = Date.now()): boolean {
  if (storage === null || code.length > MAX_STORED) return false;
  try {
    storage.setItem(PREFIX + id, JSON.stringify({ code, savedAt: now } satisfies StoredEdit));
    return true;
  } catch {
    return false;
  }
}

/** Forgets the edit of playground `id` (Reset). */
export function clearEdit(id: string, storage: Storage | null = store()): void {
  try {
    storage?.removeItem(PREFIX + id);
  } catch {
    /* ignore */
  }
}
