/**
 * The little markup exercise texts may use: `code` and **bold**, nothing
 * else. Everything is escaped first, so a statement cannot inject HTML.
 */
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** HTML for a line of exercise text: `code` → <code>, **bold** → <strong>. */
export function inlineMarkup(text: string): string {
  return escapeHtml(text)
    .split(/(`[^`]*`)/)
    .map((part) => (part.startsWith("`") && part.endsWith("`") && part.length >= 2 ? `<code>${part.slice(1, -1)}</code>` : part.replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")))
    .join("");
}
