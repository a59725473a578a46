/**
 * Classes and object literals: their members' modifiers, names and scopes.
 *
 * A member's name feeds Python's `__qualname__` (`Greeter.hello`); a method
 * is the `super` home for code in it; a field initializer and a static
 * block get a scope of their own (their `this` is not the enclosing one).
 */
import { syntaxError } from "./errors.ts";
import type { Node } from "./parse.ts";
import * as strip from "./strip-types.ts";
import type { Home, Walker } from "./walk.ts";

/** A class declaration or expression named `name` (its own, the inferred one, or "<anonymous>"). */
export function walkClass(w: Walker, cls: Node, name: string): void {
  strip.stripClassHeader(w.cx, cls);
  w.visit(cls.superClass);
  const saved = w.prefix;
  w.prefix = `${saved}${name}.`;
  let previous: Node | null = null;
  for (const member of cls.body.body as Node[]) {
    walkMember(w, member, previous?.type === "PropertyDefinition");
    previous = member;
  }
  w.prefix = saved;
}

function walkMember(w: Walker, m: Node, afterField: boolean): void {
  const cx = w.cx;
  const unsupported = strip.unsupportedSyntax(m);
  if (unsupported) throw unsupported;
  if (m.type === "TSIndexSignature" || m.declare || m.abstract || m.value?.type === "TSDeclareMethod") {
    return cx.erase(m.start, m.end);
  }
  if (m.type === "StaticBlock") {
    const home: Home = { kind: "block", usesSuper: false };
    ownScope(w, home, () => w.statements(m.body));
    if (home.usesSuper) w.declareSuper(cx.src.find(m.start, m.end, "{") + 1);
    return;
  }
  if (m.computed) w.visit(m.key);
  const isAsync = m.type === "MethodDefinition" && m.value.async;
  if (isAsync && m.value.generator) throw syntaxError("async generators are not supported in snippets", m.start);
  strip.stripMemberPrefix(cx, m, { blankAsync: isAsync, afterField });
  strip.stripMemberMark(cx, m);
  strip.blankTypeFields(cx, m);
  const name = memberName(w, m);
  if (m.type === "MethodDefinition") return w.visit(m.value, name, true);
  // A field initializer runs with the instance as `this`, once per construction.
  ownScope(w, { kind: "field", usesSuper: false }, () => w.visit(m.value, name));
}

/** An object literal property (or a property of a destructuring pattern). */
export function walkProperty(w: Walker, p: Node): void {
  if (p.computed) w.visit(p.key);
  const name = memberName(w, p);
  if (p.method || p.kind === "get" || p.kind === "set") {
    const isAsync: boolean = p.value.async;
    if (isAsync && p.value.generator) throw syntaxError("async generators are not supported in snippets", p.start);
    strip.stripMemberPrefix(w.cx, p, { blankAsync: isAsync, afterField: false });
    w.visit(p.value, name, true);
  } else if (p.shorthand) {
    w.visit(p.value); // `{ a }` and `{ a = 1 }`: key and value are the same text
  } else {
    w.visit(p.value, name);
  }
}

/** Run `body` in the scope of a field initializer or static block: no awaits, no generator, its own `super` home. */
function ownScope(w: Walker, home: Home, body: () => void): void {
  const saved = { scope: w.scope, marked: w.marked };
  w.scope = { async: false, gen: null, home, markers: 0 };
  w.marked = null;
  body();
  Object.assign(w, saved);
}

/** The name JavaScript gives the member's function: `m`, `#m`, `"a-b"`'s `a-b`; a computed key as written, `[Symbol.iterator]`. */
function memberName(w: Walker, m: Node): string {
  const k: Node = m.key;
  if (!m.computed) return k.type === "Identifier" ? k.name : k.type === "PrivateIdentifier" ? `#${k.name}` : String(k.value);
  if (k.type === "Literal" && typeof k.value === "string") return k.value;
  return `[${w.cx.src.text.slice(k.start, k.end)}]`;
}
