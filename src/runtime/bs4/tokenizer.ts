/**
 * A forgiving HTML tokenizer: one pass over the markup, index by index, with
 * no recursion and no backtracking, so a megabyte of markup or a thousand
 * levels of nesting cost nothing special. It reports what it finds to a
 * `TokenSink`; `builder.ts` turns that into a tree.
 *
 * Forgiving means it never throws: a `<` that starts no tag is text, a tag
 * cut off by the end of the input is text, an unterminated comment runs to
 * the end. Like Python's `html.parser`, the contents of `<script>` and
 * `<style>` are raw text; `<title>` and `<textarea>` are text in which only
 * character references count (HTML's RCDATA), so `<title>a <b></title>` has
 * the title `a <b>`.
 */
import { decodeEntities } from "./entities.ts";

/** Which kind of text a run of characters is: ordinary, or the raw body of a script/style. */
export type TextKind = "text" | "script" | "style";

/** Receives the tokens in document order. */
export interface TokenSink {
  /** `<name attr="v">` (attributes decoded, in order); `selfClosing` for `<br/>`. */
  startTag(name: string, attrs: [string, string][], selfClosing: boolean): void;
  /** `</name>`. */
  endTag(name: string): void;
  /** Decoded text (raw for `script` / `style`). Consecutive calls may split one run. */
  text(value: string, kind: TextKind): void;
  /** `<!--value-->`. */
  comment(value: string): void;
  /** `<!DOCTYPE value>`. */
  doctype(value: string): void;
  /** `<![CDATA[value]]>`. */
  cdata(value: string): void;
}

const RAW_END = new Map<string, RegExp>([
  ["script", /<\/script(?=[\s/>]|$)/gi],
  ["style", /<\/style(?=[\s/>]|$)/gi],
  ["title", /<\/title(?=[\s/>]|$)/gi],
  ["textarea", /<\/textarea(?=[\s/>]|$)/gi],
]);

const isLetter = (c: string | undefined) => c !== undefined && ((c >= "a" && c <= "z") || (c >= "A" && c <= "Z"));
const isSpace = (c: string | undefined) => c === " " || c === "\n" || c === "\t" || c === "\r" || c === "\f";

/** Split `markup` into tokens and hand them to `sink`. Never throws. */
export function tokenize(markup: string, sink: TokenSink): void {
  const n = markup.length;
  let i = 0;
  const text = (value: string) => {
    if (value !== "") sink.text(decodeEntities(value), "text");
  };

  while (i < n) {
    const lt = markup.indexOf("<", i);
    if (lt < 0) {
      text(markup.slice(i));
      break;
    }
    text(markup.slice(i, lt));
    i = lt;
    const next = markup[i + 1];
    if (isLetter(next)) {
      const tag = readStartTag(markup, i);
      if (tag === null) {
        text(markup.slice(i)); // cut off by the end of the input
        break;
      }
      sink.startTag(tag.name, tag.attrs, tag.selfClosing);
      i = tag.end;
      const rawEnd = tag.selfClosing ? undefined : RAW_END.get(tag.name);
      if (rawEnd !== undefined) {
        rawEnd.lastIndex = i;
        const close = rawEnd.exec(markup);
        const stop = close === null ? n : close.index;
        const body = markup.slice(i, stop);
        if (body !== "") {
          const kind = tag.name === "script" || tag.name === "style" ? tag.name : "text";
          sink.text(kind === "text" ? decodeEntities(body) : body, kind);
        }
        i = stop;
      }
    } else if (next === "/") {
      const gt = markup.indexOf(">", i + 2);
      if (gt < 0) {
        text(markup.slice(i));
        break;
      }
      if (isLetter(markup[i + 2])) {
        const name = /^[^\s/>]+/.exec(markup.slice(i + 2, gt))![0];
        sink.endTag(name.toLowerCase());
      } else if (gt > i + 2) {
        sink.comment(markup.slice(i + 2, gt)); // `</ x>` is a bogus comment in HTML
      }
      i = gt + 1;
    } else if (next === "!") {
      i = readDeclaration(markup, i, sink);
    } else if (next === "?") {
      const gt = markup.indexOf(">", i);
      i = gt < 0 ? n : gt + 1; // processing instruction: dropped
    } else {
      sink.text("<", "text");
      i += 1;
    }
  }
}

interface StartTag {
  name: string;
  attrs: [string, string][];
  selfClosing: boolean;
  end: number;
}

/** Read `<name attr=value ...>` starting at `start`; null if the input ends first. */
function readStartTag(markup: string, start: number): StartTag | null {
  const n = markup.length;
  let j = start + 1;
  while (j < n && !isSpace(markup[j]) && markup[j] !== "/" && markup[j] !== ">") j++;
  const name = markup.slice(start + 1, j).toLowerCase();
  const attrs: [string, string][] = [];
  let selfClosing = false;
  for (;;) {
    while (j < n && (isSpace(markup[j]) || markup[j] === "/")) {
      if (markup[j] === "/" && markup[j + 1] === ">") selfClosing = true;
      j++;
    }
    if (j >= n) return null;
    if (markup[j] === ">") return { name, attrs, selfClosing, end: j + 1 };
    selfClosing = false;
    const nameStart = j;
    j++; // the first character may be `=`; any other is part of the name
    while (j < n && !isSpace(markup[j]) && markup[j] !== "/" && markup[j] !== ">" && markup[j] !== "=") j++;
    const attrName = markup.slice(nameStart, j).toLowerCase();
    let k = j;
    while (k < n && isSpace(markup[k])) k++;
    let value = "";
    if (markup[k] === "=") {
      k++;
      while (k < n && isSpace(markup[k])) k++;
      const quote = markup[k];
      if (quote === '"' || quote === "'") {
        const close = markup.indexOf(quote, k + 1);
        if (close < 0) return null;
        value = markup.slice(k + 1, close);
        j = close + 1;
      } else {
        j = k;
        while (j < n && !isSpace(markup[j]) && markup[j] !== ">") j++;
        value = markup.slice(k, j);
      }
      value = decodeEntities(value, true);
    }
    attrs.push([attrName, value]);
  }
}

/** Read `<!-- -->`, `<!DOCTYPE>`, `<![CDATA[ ]]>` or a bogus `<!...>`; returns the index after it. */
function readDeclaration(markup: string, start: number, sink: TokenSink): number {
  const n = markup.length;
  if (markup.startsWith("<!--", start)) {
    const bodyStart = start + 4;
    if (markup.startsWith(">", bodyStart)) { sink.comment(""); return bodyStart + 1; }
    if (markup.startsWith("->", bodyStart)) { sink.comment(""); return bodyStart + 2; }
    const close = markup.indexOf("-->", bodyStart);
    sink.comment(markup.slice(bodyStart, close < 0 ? n : close));
    return close < 0 ? n : close + 3;
  }
  if (markup.startsWith("<![CDATA[", start)) {
    const close = markup.indexOf("]]>", start + 9);
    sink.cdata(markup.slice(start + 9, close < 0 ? n : close));
    return close < 0 ? n : close + 3;
  }
  const gt = markup.indexOf(">", start + 2);
  const body = markup.slice(start + 2, gt < 0 ? n : gt);
  if (/^doctype/i.test(body)) sink.doctype(body.slice(7).trim());
  else sink.comment(body);
  return gt < 0 ? n : gt + 1;
}
