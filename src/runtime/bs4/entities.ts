/**
 * HTML character references: `&amp;`, `&mdash;`, `&#39;`, `&#x27;`, ...
 *
 * The named table holds the entities real pages use, not all 2,231 of HTML5:
 * a scraper lesson needs `&amp;` and `&mdash;` to come out right, and the
 * full table would outweigh the rest of the parser. An unknown name stays as
 * written (`&frobnicate;`), which is what browsers do too.
 */

const NAMED: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", shy: "\u00ad",
  copy: "©", reg: "®", trade: "™", mdash: "—", ndash: "–", minus: "−", middot: "·",
  hellip: "…", bull: "•", laquo: "«", raquo: "»", lsaquo: "‹", rsaquo: "›",
  lsquo: "‘", rsquo: "’", sbquo: "‚", ldquo: "“", rdquo: "”", bdquo: "„",
  prime: "′", Prime: "″", dagger: "†", Dagger: "‡", permil: "‰", para: "¶", sect: "§",
  euro: "€", pound: "£", yen: "¥", cent: "¢", curren: "¤", deg: "°", micro: "µ",
  plusmn: "±", times: "×", divide: "÷", frac12: "½", frac14: "¼", frac34: "¾",
  sup1: "¹", sup2: "²", sup3: "³", iexcl: "¡", iquest: "¿", ordf: "ª", ordm: "º",
  larr: "←", rarr: "→", uarr: "↑", darr: "↓", harr: "↔", rArr: "⇒", hArr: "⇔",
  le: "≤", ge: "≥", ne: "≠", asymp: "≈", infin: "∞", sum: "∑", radic: "√",
  hearts: "♥", check: "✓", star: "☆", ensp: "\u2002", emsp: "\u2003", thinsp: "\u2009",
  zwnj: "\u200c", zwj: "\u200d", lrm: "\u200e", rlm: "\u200f",
  aacute: "á", agrave: "à", acirc: "â", auml: "ä", aring: "å", atilde: "ã", aelig: "æ",
  ccedil: "ç", eacute: "é", egrave: "è", ecirc: "ê", euml: "ë", iacute: "í", igrave: "ì",
  icirc: "î", iuml: "ï", ntilde: "ñ", oacute: "ó", ograve: "ò", ocirc: "ô", ouml: "ö",
  otilde: "õ", oslash: "ø", uacute: "ú", ugrave: "ù", ucirc: "û", uuml: "ü", yacute: "ý",
  szlig: "ß", Aacute: "Á", Auml: "Ä", Eacute: "É", Ouml: "Ö", Uuml: "Ü", Ntilde: "Ñ",
  Ccedil: "Ç", alpha: "α", beta: "β", gamma: "γ", delta: "δ", lambda: "λ", mu: "μ",
  pi: "π", sigma: "σ", omega: "ω", Omega: "Ω",
};

/** Names HTML still decodes without a `;` (the common ones of the legacy list). */
const LEGACY = ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"];

/** HTML maps references to C1 controls onto Windows-1252, as pages written on Windows meant them. */
const WINDOWS_1252: Record<number, number> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020,
  0x87: 0x2021, 0x88: 0x02c6, 0x89: 0x2030, 0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152,
  0x8e: 0x017d, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022,
  0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc, 0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a,
  0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
};

const REFERENCE = /&(?:#([0-9]+);?|#[xX]([0-9a-fA-F]+);?|([A-Za-z][A-Za-z0-9]*)(;?))/g;

function fromCodePoint(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\ufffd";
  return String.fromCodePoint(WINDOWS_1252[code] ?? code);
}

/**
 * Decode the character references in text or in an attribute value.
 *
 * In an attribute, a legacy name without `;` followed by a letter, digit or
 * `=` stays as written, so `href="?a=1&copy=2"` keeps its `&copy=`.
 *
 * @example decodeEntities("Fish &amp; Chips &mdash; &#163;5 &#x27;ok&#39;") === "Fish & Chips — £5 'ok'"
 */
export function decodeEntities(text: string, inAttribute = false): string {
  if (!text.includes("&")) return text;
  return text.replace(REFERENCE, (whole: string, dec?: string, hex?: string, name?: string, semi?: string, ...at: unknown[]) => {
    if (dec !== undefined) return fromCodePoint(Math.min(Number.parseInt(dec, 10), 0x110000));
    if (hex !== undefined) return fromCodePoint(Math.min(Number.parseInt(hex, 16), 0x110000));
    if (semi === ";" && Object.hasOwn(NAMED, name!)) return NAMED[name!];
    const legacy = LEGACY.find((candidate) => name!.startsWith(candidate));
    if (legacy === undefined) return whole;
    const rest = whole.slice(1 + legacy.length);
    const following = rest !== "" ? rest : text.charAt((at[0] as number) + whole.length);
    if (inAttribute && /^[A-Za-z0-9=]/.test(following)) return whole;
    return NAMED[legacy] + rest;
  });
}

/**
 * Escape text for output the way bs4's default formatter does: `&`, `<` and
 * `>` in text; additionally `"` in attribute values.
 *
 * @example escapeHtml('a < b & "c"', true) === "a &lt; b &amp; &quot;c&quot;"
 */
export function escapeHtml(text: string, inAttribute = false): string {
  let out = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  if (inAttribute) out = out.replace(/"/g, "&quot;");
  return out;
}
