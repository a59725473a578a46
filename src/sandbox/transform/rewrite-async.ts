/**
 * Lazy coroutines from eager JavaScript.
 *
 * JavaScript starts an async function's body the moment it is called; a
 * Python coroutine runs nothing until it is awaited or wrapped in a task.
 * So every async function becomes a plain function that returns a
 * coroutine object the runtime builds from a generator:
 *
 *     async function greet(name) { BODY }
 *     function* __al$greet(name) { BODY } function greet() { return __al.co(__al$greet.apply(this, arguments), "greet"); }
 *
 *     const f = async (x) => { BODY };    (arrows, methods, function expressions)
 *     const f = (x) => __al.co(function* () { BODY }.call(this), "f");
 *
 * and every `await E` inside becomes `(yield E)`: the runtime drives the
 * generator, so it decides when the body runs and what an await waits for.
 * Parameter defaults and destructuring run at call time, as in Python (a
 * generator function evaluates its parameters when called, before its
 * body). The generator runs with the caller's `this` and `arguments`;
 * arrows pass `this` and, only if their body reads it, the `arguments`
 * they see.
 *
 * Why a declaration's body becomes a sibling generator function: a
 * `function*` expression inside the function is a new closure on every
 * call, with its own prototype object and so its own hidden class — about
 * 500 bytes more per coroutine, and generators the engine cannot optimize
 * as one kind (measured: a third of the scheduler's time and most of its
 * garbage at 50,000 tasks). Declared once beside the function, it is one
 * closure per scope. The wrapper keeps the name (calls and hoisting are
 * unchanged; it is declared right after, on the same line); the generator
 * takes the name `__al$<name>`, which no snippet uses. Arrows, methods and
 * function expressions keep the closure: a sibling declaration cannot sit
 * in a class body or an expression, and they are rarer in lessons.
 *
 * Rejected: driving native async functions through a patched `Promise`
 * (cannot make the body lazy, and microtask timing leaks through), and
 * regenerator-style state machines (big, and the output is unreadable in a
 * stack trace).
 *
 * `super` cannot appear in a `function*` expression, so inside a rewritten
 * body `super.m(a)` reads the property through an arrow declared in the
 * enclosing method, where `super` is valid: `__al$s("m").call(this, a)`.
 */
import type { TransformContext } from "./context.ts";
import type { Node } from "./parse.ts";

/** How to rewrite one async function. */
export interface CoroutineRewrite {
  /** Python's `__qualname__`: `greet`, `Greeter.hello`, `main.<locals>.worker`, `<lambda>`. */
  qualname: string;
  /** A class or object method: its `async` was blanked with the other modifiers. */
  method: boolean;
  /** An arrow whose body reads `arguments`: pass them on (`.apply(this, arguments)`). */
  passArguments: boolean;
  /** Declare the super accessor first (a method whose rewritten body uses `super`). */
  declareSuper: boolean;
  /** For an arrow with an expression body: the line marker to put before its `return`. */
  markerLine: number | null;
  depth: number;
}

export function rewriteAsyncFunction(cx: TransformContext, fn: Node, o: CoroutineRewrite): void {
  const name = JSON.stringify(o.qualname);
  const co = `${cx.host}.co(function* () `;
  if (!o.method && cx.src.text.startsWith("async", fn.start)) cx.edits.blank(fn.start, fn.start + 5);
  const body: Node = fn.body;
  if (fn.type === "FunctionDeclaration" && fn.id && !o.method) {
    const generator = cx.local(fn.id.name);
    cx.edits.insert(cx.src.find(fn.start, fn.id.start, "function") + 8, "*", "open", o.depth);
    cx.edits.replace(fn.id.start, fn.id.end, generator);
    cx.edits.insert(fn.end, ` function ${fn.id.name}() { return ${cx.host}.co(${generator}.apply(this, arguments), ${name}); }`, "close", o.depth);
    return;
  }
  if (fn.type !== "ArrowFunctionExpression") {
    const prologue = ` ${o.declareSuper ? `${superAccessor(cx)} ` : ""}return ${co}{`;
    const epilogue = `}.apply(this, arguments), ${name}); `;
    // In an empty `{}` both go at one offset, where closes would sort first: insert them as one.
    if (body.start + 1 === body.end - 1) return cx.edits.insert(body.start + 1, prologue + epilogue, "open", o.depth);
    cx.edits.insert(body.start + 1, prologue, "open", o.depth);
    cx.edits.insert(body.end - 1, epilogue, "close", o.depth);
    return;
  }
  const call = o.passArguments ? "apply(this, arguments)" : "call(this)";
  if (body.type === "BlockStatement") {
    cx.edits.insert(body.start, co, "open", o.depth);
    cx.edits.insert(fn.end, `.${call}, ${name})`, "close", o.depth);
    return;
  }
  // Expression body: `=> E` becomes `=> __al.co(function* () { __al.l=N; return E; }.call(this), name)`.
  // A line break after `=>` would make `return` return nothing (ASI): parenthesise E then.
  const arrow = arrowToken(cx, fn);
  const paren = cx.src.hasLineBreak(arrow + 2, body.start);
  const marker = o.markerLine === null ? "" : ` ${cx.host}.l=${o.markerLine};`;
  cx.edits.insert(arrow + 2, ` ${co}{${marker} return${paren ? " (" : ""}`, "open", o.depth);
  cx.edits.insert(fn.end, `${paren ? ")" : ""}; }.${call}, ${name})`, "close", o.depth);
}

/** Offset of an arrow function's `=>`. */
export function arrowToken(cx: TransformContext, fn: Node): number {
  const from = fn.returnType?.end ?? fn.params.at(-1)?.end ?? fn.start;
  return cx.src.find(from, fn.body.start, "=>");
}

/**
 * `await E` becomes `(yield E)`. The parentheses keep precedence: `await`
 * binds tighter than any binary operator, `yield` looser than all.
 * With `line`, the await gets its own line marker, set after E is
 * evaluated (E may call code that sets markers): `(yield __al.at(E, line))`.
 */
export function rewriteAwait(cx: TransformContext, node: Node, line: number | null, depth: number): void {
  const keywordEnd = node.start + 5;
  if (line === null) {
    // `yield` may not be followed by a line break before its operand.
    const paren = cx.src.hasLineBreak(keywordEnd, node.argument.start);
    cx.edits.replace(node.start, keywordEnd, paren ? "(yield (" : "(yield");
    cx.edits.insert(node.end, paren ? "))" : ")", "close", depth);
  } else {
    cx.edits.replace(node.start, keywordEnd, `(yield ${cx.host}.at(`);
    cx.edits.insert(node.end, `, ${line}))`, "close", depth);
  }
}

/** The declaration that makes `super` reachable from a rewritten body. */
export function superAccessor(cx: TransformContext): string {
  return `const ${cx.local("s")} = (k) => super[k];`;
}

/**
 * `super.x` / `super[k]` inside a rewritten body becomes `__al$s("x")` /
 * `__al$s(k)`; as a callee, `__al$s("x").call(this, ...)` keeps `this`.
 */
export function rewriteSuperMember(cx: TransformContext, member: Node, call: Node | null, depth: number): void {
  const s = cx.local("s");
  if (member.computed) {
    const open = cx.src.find(member.object.end, member.property.start, "[");
    cx.edits.replace(member.object.start, open + 1, `${s}(`);
    cx.edits.replace(member.end - 1, member.end, ")");
  } else {
    cx.edits.replace(member.object.start, member.end, `${s}(${JSON.stringify(member.property.name)})`);
  }
  if (call) {
    const open = cx.src.find(call.typeArguments?.end ?? member.end, call.end, "(");
    cx.edits.insert(open, call.optional ? "call" : ".call", "open", depth);
    cx.edits.insert(open + 1, call.arguments.length ? "this, " : "this", "open", depth);
  }
}
