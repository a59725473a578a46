/**
 * Type erasure that keeps every position: type-only text becomes spaces
 * (line breaks kept), in the manner of ts-blank-space. Nothing is moved, so
 * columns only shift where the async rewrite inserts text.
 *
 * Erasing text can join what was separated. The guards here:
 * - an erased statement or class member leaves a `;` (`x\ntype T = 1\n(y)`
 *   must not become the call `x(y)`);
 * - an arrow's return type that spans lines carries the `)` of the
 *   parameter list to its end, because JavaScript forbids a line break
 *   before `=>` (`(a): Promise<\nvoid> => a`);
 * - blanked modifiers before a `[computed]` or `*generator` class member
 *   leave a `;` after a field (`x = y\nprivate [k]() {}` must not index `y`).
 * Statements that start with a `<T>` cast cannot merge with the previous
 * line either: each starts with a line marker (see walk.ts).
 */
import type { TransformContext } from "./context.ts";
import { syntaxError } from "./errors.ts";
import type { Node } from "./parse.ts";

/** Modifiers that only exist for the type checker. */
const TS_MODIFIERS = new Set(["public", "private", "protected", "readonly", "abstract", "override", "declare"]);

/** A statement with no runtime meaning: interface, type alias, overload, `declare ...`, type-only import/export. */
export function isErasedStatement(node: Node): boolean {
  switch (node.type) {
    case "TSInterfaceDeclaration":
    case "TSTypeAliasDeclaration":
    case "TSDeclareFunction":
      return true;
    case "ImportDeclaration":
      return (
        node.importKind === "type" ||
        (node.specifiers.length > 0 && node.specifiers.every((s: Node) => s.importKind === "type"))
      );
    case "ExportNamedDeclaration":
      return node.exportKind === "type" || (node.declaration != null && isErasedStatement(node.declaration));
    case "ExportAllDeclaration":
      return node.exportKind === "type";
    case "ExportDefaultDeclaration":
      return node.declaration.type === "TSInterfaceDeclaration";
    default:
      return node.declare === true || (node.type === "TSModuleDeclaration" && node.kind === "global");
  }
}

/** TypeScript that has runtime meaning we do not emit: a clear error at its position. */
export function unsupportedSyntax(node: Node): Error | null {
  switch (node.type) {
    case "TSModuleDeclaration":
      return syntaxError("namespaces are not supported in snippets", node.start);
    case "TSImportEqualsDeclaration":
      return syntaxError("'import x = ...' is not supported in snippets: use import ... from", node.start);
    case "TSExportAssignment":
      return syntaxError("'export =' is not supported in snippets", node.start);
    case "TSNamespaceExportDeclaration":
      return syntaxError("'export as namespace' is not supported in snippets", node.start);
  }
  if (node.decorators?.length) return syntaxError("decorators are not supported in snippets", node.decorators[0].start);
  if (node.type === "PropertyDefinition" && node.accessor) {
    return syntaxError("'accessor' fields are not supported in snippets", node.start);
  }
  return null;
}

/** Blank the type fields any node may carry: annotations, type parameters and arguments, and a parameter's `?`. */
export function blankTypeFields(cx: TransformContext, node: Node): void {
  const ann = node.typeAnnotation;
  let from = ann?.type === "TSTypeAnnotation" ? ann.start : -1;
  if (node.optional && node.type === "Identifier") {
    const q = cx.src.text.lastIndexOf("?", from < 0 ? node.end : from);
    if (q >= node.start) from = q;
  }
  if (from >= 0) cx.edits.blank(from, ann?.type === "TSTypeAnnotation" ? ann.end : from + 1);
  for (const key of ["typeParameters", "typeArguments", "superTypeParameters"]) {
    const t = node[key];
    if (!t) continue;
    const paren = node.type === "ArrowFunctionExpression" ? cx.src.find(t.end, node.end, "(") : -1;
    if (paren >= 0 && cx.src.hasLineBreak(t.start, paren)) {
      // `return <\n T>(v) => v`: blanked, `return` would end the statement (ASI). Open the parameter list at the `<`.
      cx.edits.replace(t.start, t.start + 1, "(");
      cx.edits.blank(t.start + 1, t.end);
      cx.edits.blank(paren, paren + 1);
    } else {
      cx.edits.blank(t.start, t.end);
    }
  }
}

/** Blank a function's return type; for an arrow whose return type spans lines, move the `)` after it. */
export function stripReturnType(cx: TransformContext, fn: Node): void {
  const rt = fn.returnType;
  if (!rt) return;
  const afterParams = fn.params.at(-1)?.end ?? fn.typeParameters?.end ?? fn.start;
  const close = fn.type === "ArrowFunctionExpression" ? cx.src.findLast(afterParams, rt.start, ")") : -1;
  if (close >= 0 && cx.src.hasLineBreak(close, rt.end)) {
    cx.edits.blank(close, close + 1);
    cx.edits.blank(rt.start, rt.end - 1);
    cx.edits.replace(rt.end - 1, rt.end, ")");
  } else {
    cx.edits.blank(rt.start, rt.end);
  }
}

/** Blank a leading `this: T` parameter with its comma; returns whether there was one. */
export function stripThisParam(cx: TransformContext, fn: Node): boolean {
  const first = fn.params[0];
  if (first?.type !== "Identifier" || first.name !== "this") return false;
  const next = fn.params[1];
  if (next) {
    cx.edits.blank(first.start, next.start);
  } else {
    const t = cx.src.nextToken(first.end);
    cx.edits.blank(first.start, t.text === "," ? t.end : first.end);
  }
  return true;
}

/** Expressions that bind looser than the operators that may follow `x as T`. */
const LOOSE = new Set([
  "BinaryExpression",
  "LogicalExpression",
  "ConditionalExpression",
  "AssignmentExpression",
  "ArrowFunctionExpression",
  "YieldExpression",
  "SequenceExpression",
]);

/**
 * `x as T`, `x satisfies T`: blank from the keyword (after any `)` closing x)
 * to the end of the type. `as` binds like `<`, so in `a + b as T * c` the
 * type applies to `a + b`; erased, `*` would take `b`. A loose, unparenthesised
 * x is therefore wrapped: `(a + b)      * c`.
 */
export function stripAsExpression(cx: TransformContext, node: Node, depth: number): void {
  const word = node.type === "TSAsExpression" ? "as" : "satisfies";
  const at = cx.src.find(node.expression.end, node.typeAnnotation.start, word);
  cx.edits.blank(at, node.typeAnnotation.end);
  if (LOOSE.has(node.expression.type) && node.expression.start === node.start) {
    cx.edits.insert(node.start, "(", "open", depth);
    cx.edits.insert(node.expression.end, ")", "close", depth);
  }
}

/** `x!`: the `!` is the node's last character. */
export function stripNonNull(cx: TransformContext, node: Node): void {
  cx.edits.blank(node.end - 1, node.end);
}

/** Tokens that mean something else at the start of a statement or arrow body than inside parentheses. */
const AMBIGUOUS_START = new Set(["{", "function", "class", "async", "let"]);

/**
 * `<T>x`: blank from `<` to the `>` after the type (not up to x, which may
 * start inside parentheses). Some x must then be parenthesised, so the `<`
 * becomes `(` and x is closed with `)`: when x starts on a later line
 * (`return <T>\n x` would return nothing) or with `{`, `function`, ...
 * (`() => <T>{ a }` would get a block body).
 */
export function stripTypeAssertion(cx: TransformContext, node: Node, depth: number): void {
  const close = cx.src.find(node.typeAnnotation.end, node.expression.start, ">");
  const next = cx.src.nextToken(close + 1);
  if (cx.src.hasLineBreak(node.start, node.expression.start) || AMBIGUOUS_START.has(next.text)) {
    cx.edits.replace(node.start, node.start + 1, "(");
    cx.edits.blank(node.start + 1, close + 1);
    cx.edits.insert(node.end, ")", "close", depth);
  } else {
    cx.edits.blank(node.start, close + 1);
  }
}

/** `abstract class C<T> extends B<T> implements I, J`: blank `abstract` and the implements clause. */
export function stripClassHeader(cx: TransformContext, cls: Node): void {
  if (cls.abstract) {
    const w = cx.src.nextToken(cls.start);
    if (w.text === "abstract") cx.edits.blank(w.start, w.end);
  }
  const impl: Node[] | undefined = cls.implements;
  if (impl?.length) {
    const before = cls.superTypeParameters ?? cls.superClass ?? cls.typeParameters ?? cls.id;
    const at = cx.src.find(before ? before.end : cls.start, impl[0].start, "implements");
    cx.edits.blank(at, impl[impl.length - 1].end);
  }
}

/**
 * Blank TypeScript modifiers (and `async`, when asked) before a class or
 * object member's key. `static`, `get`, `set` stay.
 */
export function stripMemberPrefix(
  cx: TransformContext,
  member: Node,
  opts: { blankAsync: boolean; afterField: boolean },
): void {
  const keyStart = member.computed ? cx.src.find(member.start, member.key.start, "[") : member.key.start;
  const words = cx.src.wordsBefore(member.start, keyStart);
  const blanked = words.filter((w) => TS_MODIFIERS.has(w.text) || (opts.blankAsync && w.text === "async"));
  const rest = cx.src.nextToken(words.at(-1)?.end ?? member.start).text;
  const guard = opts.afterField && blanked[0]?.start === member.start && (rest === "[" || rest === "*");
  for (const w of blanked) {
    if (guard && w === blanked[0]) cx.erase(w.start, w.end);
    else cx.edits.blank(w.start, w.end);
  }
}

/** The `?` of an optional member or the `!` of a definite field, between its key and its type or value. */
export function stripMemberMark(cx: TransformContext, member: Node): void {
  if (!member.optional && !member.definite) return;
  const to = member.typeAnnotation?.start ?? member.value?.start ?? member.end;
  const at = cx.src.find(member.key.end, to, member.optional ? "?" : "!");
  if (at >= 0) cx.edits.blank(at, at + 1);
}

/** `let x!: number`: blank the `!` (the annotation goes with the identifier). */
export function stripDefinite(cx: TransformContext, declarator: Node): void {
  const to = declarator.id.typeAnnotation?.start ?? declarator.id.end;
  const at = cx.src.find(declarator.id.start, to, "!");
  if (at >= 0) cx.edits.blank(at, at + 1);
}

/** `constructor(private readonly x = 1)`: blank the modifiers; returns the parameter's name. */
export function stripParameterProperty(cx: TransformContext, pp: Node): string {
  const binding = pp.parameter.type === "AssignmentPattern" ? pp.parameter.left : pp.parameter;
  for (const w of cx.src.wordsBefore(pp.start, binding.start)) cx.edits.blank(w.start, w.end);
  return binding.name;
}
