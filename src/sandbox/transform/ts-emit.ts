/**
 * The two TypeScript constructs that are not just erased but turned into
 * JavaScript: `enum` and constructor parameter properties. Both are written
 * in place, on the lines where the learner wrote them.
 */
import type { TransformContext } from "./context.ts";
import type { Node } from "./parse.ts";

/** Words that cannot name the local binding an enum member gets inside the enum's body. */
const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof let new null return static super switch this throw true try typeof var void " +
    "while with yield await implements interface package private protected public arguments eval"
  ).split(" "),
);

/**
 * `enum Color { Red, Green = 5, Blue }` becomes, on the same lines,
 *
 *     const Color = (() => { const E = {}; let n = 0; const f = (k, v) => ...;
 *       const Red = f("Red", n); const Green = f("Green", 5); const Blue = f("Blue", n);
 *     return E; })();
 *
 * (with `__al$`-prefixed names). `f` records the member and, for numbers,
 * the reverse mapping and the next automatic value, as TypeScript's own
 * output does. Each member is also a local, so a later initializer can
 * say `B = A * 2` as in TypeScript. The initializers stay where they are
 * and are visited like any expression.
 */
export function emitEnum(cx: TransformContext, node: Node): void {
  const [obj, next, set] = [cx.local("e"), cx.local("n"), cx.local("f")];
  const open = cx.src.find(node.id.end, node.end, "{");
  cx.edits.replace(
    node.start,
    open + 1,
    `const ${node.id.name} = (() => { const ${obj} = {}; let ${next} = 0; ` +
      `const ${set} = (k, v) => (${obj}[k] = v, typeof v === "number" && (${obj}[v] = k, ${next} = v + 1), v);`,
  );
  const members: Node[] = node.members;
  members.forEach((m, i) => {
    const key: string = m.id.type === "Identifier" ? m.id.name : String(m.id.value);
    const local = m.id.type === "Identifier" && !RESERVED.has(key) ? `const ${key} = ` : "";
    const call = `${local}${set}(${JSON.stringify(key)}, `;
    if (m.initializer) {
      cx.edits.replace(m.start, m.initializer.start, call);
      cx.edits.insert(m.end, ");", "close", 0);
    } else {
      cx.edits.replace(m.start, m.end, `${call}${next});`);
    }
    const comma = cx.src.find(m.end, members[i + 1]?.start ?? node.end - 1, ",");
    if (comma >= 0) cx.edits.blank(comma, comma + 1);
  });
  cx.edits.replace(node.end - 1, node.end, `return ${obj}; })();`);
}

/**
 * `constructor(private x: number) { super(); ... }`: assign `this.x = x;`
 * after the `super(...)` statement if the body has one at its top level
 * (TypeScript requires it there), else first thing in the body.
 */
export function emitParameterProperties(cx: TransformContext, ctor: Node, names: string[], depth: number): void {
  if (names.length === 0) return;
  const assign = names.map((n) => `this.${n} = ${n};`).join(" ");
  const body: Node = ctor.body;
  const superCall = body.body.find(
    (s: Node) => s.type === "ExpressionStatement" && s.expression.type === "CallExpression" && s.expression.callee.type === "Super",
  );
  if (superCall) {
    const semi = cx.src.text[superCall.end - 1] === ";" ? " " : "; ";
    cx.edits.insert(superCall.end, semi + assign, "close", depth + 1);
  } else {
    cx.edits.insert(body.start + 1, ` ${assign}`, "open", depth);
  }
}
