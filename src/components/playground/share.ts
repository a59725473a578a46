/**
 * Share links: a playground's code in the URL, compressed with lz-string
 * (the TypeScript playground's encoding): `?pg=<id>&code=<data>#pg-<id>`.
 *
 * Pure functions of a location, so they are unit-tested without a browser
 * (TypeScript-Website's getInitialCode.ts does the same). Decoding is
 * defensive: the link is size-capped before decoding, the decoded code is
 * capped too, and a link that does not decode gives a clear message, never
 * an exception.
 */
import LZString from "lz-string";

/**
 * Longest `code` parameter accepted (characters), checked before decoding.
 * Servers commonly refuse URLs past 8–16 kB; a lesson-sized snippet
 * compresses to a few hundred characters.
 */
export const MAX_ENCODED = 12_000;
/** Longest decoded code accepted (characters). */
export const MAX_CODE = 100_000;
/**
 * Most lines of decoded code accepted. Characters alone do not bound the
 * page's work: 15,000 blank lines are a few hundred characters of link and
 * 15,000 elements for the page to lay out (and for every script watching
 * the page). A playground's program is tens of lines.
 */
export const MAX_LINES = 2_000;

const ID = /^[a-z0-9][a-z0-9-]{0,80}$/;

/** The link that opens playground `id` on `page` holding `code`. */
export function shareUrl(page: { origin: string; pathname: string }, id: string, code: string): string {
  const data = LZString.compressToEncodedURIComponent(code);
  return `${page.origin}${page.pathname}?pg=${encodeURIComponent(id)}&code=${data}#pg-${id}`;
}

/** The link to playground `id` itself (no code): what "copy link" gives instructors. */
export function playgroundUrl(page: { origin: string; pathname: string }, id: string): string {
  return `${page.origin}${page.pathname}#pg-${id}`;
}

export type SharedCode =
  | { kind: "none" }
  | { kind: "ok"; id: string; code: string }
  | { kind: "invalid"; id: string | null; message: string };

/** Reads shared code from a location's query string. */
export function readShare(search: string): SharedCode {
  const params = new URLSearchParams(search);
  const id = params.get("pg");
  const data = params.get("code");
  if (id === null && data === null) return { kind: "none" };
  if (id === null || !ID.test(id)) return { kind: "invalid", id: null, message: "This link names no playground on this page, so its code is not shown." };
  if (data === null || data === "") return { kind: "invalid", id, message: "This link holds no code (it may have been cut short)." };
  if (data.length > MAX_ENCODED) return { kind: "invalid", id, message: `This link's code is too long to open (over ${MAX_ENCODED.toLocaleString("en-US")} characters).` };
  let code: string | null = null;
  try {
    code = LZString.decompressFromEncodedURIComponent(data);
  } catch {
    code = null;
  }
  if (code === null || code === "") return { kind: "invalid", id, message: "This link's code could not be read (it may have been cut short or changed)." };
  if (code.length > MAX_CODE) return { kind: "invalid", id, message: "This link's code is too long to open." };
  const lines = countLines(code, MAX_LINES + 1);
  if (lines > MAX_LINES) return { kind: "invalid", id, message: `This link's code has more than ${MAX_LINES.toLocaleString("en-US")} lines, too many for a playground, so it is not shown.` };
  return { kind: "ok", id, code };
}

/** Lines of `text`, counted up to `stop`. */
function countLines(text: string, stop: number): number {
  let n = 1;
  for (let i = text.indexOf("\n"); i >= 0 && n < stop; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/** The query string without the share parameters (after the learner keeps or dismisses shared code). */
export function withoutShare(search: string): string {
  const params = new URLSearchParams(search);
  params.delete("pg");
  params.delete("code");
  const rest = params.toString();
  return rest ? `?${rest}` : "";
}
