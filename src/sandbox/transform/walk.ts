/**
 * One walk over the snippet's AST that records every edit: type erasure,
 * the async rewrite, imports and exports, and line markers.
 *
 * Line markers: each statement in a statement list starts with `__al.l=N;`
 * (N its source line), so the runtime can say which line caused an event
 * (print, task created, await). A property store is the cheapest thing that
 * can run in a hot loop. Not before directives, function declarations
 * (hoisted, they run nothing) or erased TypeScript, and never between a
 * label and its loop or into a brace-less body, where it would change the
 * program. An `await` on a different line than the last marker that ran
 * before it carries its own line: `(yield __al.at(E, N))`; so do awaits in
 * loop tests and updates, which run after the loop body moved the line.
 * Plain functions give their caller's line back when they return
 * (functions.ts); the runtime gives a coroutine its line back when it
 * resumes it. Together, `__al.l` is the line of the code running now.
 *
 * The walk tracks, per function, Python's `__qualname__` prefix, whether
 * awaits are allowed, the generator the rewrite creates (seen through
 * arrows, which share `this`, `arguments` and `super` with their parent),
 * and the method whose `super` that code sees.
 */
import type { TransformContext } from "./context.ts";
import { syntaxError } from "./errors.ts";
import { rewriteImport, walkExport, type ImportBinding } from "./imports.ts";
import { walkFunction } from "./functions.ts";
import { walkClass, walkProperty } from "./members.ts";
import { isValueTsNode, type Node } from "./parse.ts";
import { rewriteAwait, rewriteSuperMember } from "./rewrite-async.ts";
import * as strip from "./strip-types.ts";
import { emitEnum } from "./ts-emit.ts";

/** The method, static block or field initializer whose `super` some code sees. */
export interface Home {
  kind: "method" | "block" | "field";
  /** A rewritten body inside it uses `super`: declare the accessor in it. */
  usesSuper: boolean;
}

/** Per-function state of the walk. */
export interface FunctionScope {
  /** Inside a rewritten async function: `await` is allowed. */
  async: boolean;
  /** The generator the rewrite creates for the innermost async function, seen through arrows. */
  gen: { arrow: boolean; usesArguments: boolean } | null;
  home: Home | null;
  /** Line markers written directly in this function's body (not in nested functions). */
  markers: number;
}

/** Operators for which JavaScript names an anonymous function after the assignment target. */
const NAMING_OPERATORS = new Set(["=", "||=", "&&=", "??="]);

/** Walk a parsed snippet, recording edits in `cx`; returns what it imports. Throws CompileError. */
export function transformProgram(cx: TransformContext, program: Node, modules: readonly string[]): ImportBinding[] {
  const walker = new Walker(cx, modules);
  const text = cx.src.text;
  if (text.startsWith("#!")) cx.edits.blank(0, cx.src.lineStarts[1] ?? text.length);
  cx.edits.insert(0, '"use strict";', "open", -1);
  walker.statements(program.body);
  return walker.imports;
}

export class Walker {
  readonly imports: ImportBinding[] = [];
  /** Qualname prefix for what is declared here: "", "main.<locals>.", "Greeter.". */
  prefix = "";
  scope: FunctionScope = { async: false, gen: null, home: null, markers: 0 };
  /** Line of the last marker known to have run at this point, or null when code in between may have moved it. */
  marked: number | null = null;
  /** Nesting depth of the node being visited: orders insertions at one offset (see edits.ts). */
  depth = 0;

  readonly cx: TransformContext;
  private readonly modules: readonly string[];

  constructor(cx: TransformContext, modules: readonly string[]) {
    this.cx = cx;
    this.modules = modules;
  }

  statements(list: Node[]): void {
    for (let i = 0; i < list.length; i++) {
      const s = list[i];
      const saved = this.marked;
      if (s.type === "VariableDeclaration" && s.kind === "await using") this.awaitUsing(s, list[list.length - 1]);
      if (!strip.isErasedStatement(s) && needsMarker(s)) {
        const line = s.loc.start.line;
        this.cx.edits.insert(s.start, `${this.cx.host}.l=${line};`, "open", this.depth + 1);
        this.marked = line;
        this.scope.markers++;
      }
      this.visit(s);
      this.marked = saved;
    }
  }

  /**
   * Python's `async with`: `await using x = E;` at the top of a block becomes
   *
   *     const __al$cmN = E; const x = (yield __al.enter(__al$cmN)); let __al$hN = false, __al$eN;
   *     try { REST OF BLOCK } catch (e) { __al$hN = true; __al$eN = e; }
   *     finally { yield __al.exit(__al$cmN, __al$hN, __al$eN); }
   *
   * so `__aexit__` sees the block's error (JavaScript's own `Symbol.asyncDispose`
   * cannot), which `timeout()` and `TaskGroup` need; `exit` re-throws it unless
   * `__aexit__` suppressed it. Everything stays on the lines it was on. The
   * exit runs at the line of `await using` (`__al.l = N` before it), as
   * Python's `__aexit__` runs at the line of `async with`: a traceback, the
   * call graph and the trace of a `TaskGroup` waiting at its end point there.
   */
  private awaitUsing(decl: Node, last: Node): void {
    if (!this.scope.async) throw syntaxError("'await using' outside async function", decl.start);
    const cx = this.cx;
    const h = cx.host;
    const usingEnd = cx.src.find(decl.start, decl.declarations[0].start, "using") + 5;
    cx.edits.replace(decl.start, usingEnd, "const");
    const tail: string[] = [];
    for (const d of decl.declarations) {
      if (d.id.type !== "Identifier") throw syntaxError("'await using' needs a plain name, e.g. `await using tg = new asyncio.TaskGroup();`", d.id.start);
      if (!d.init) throw syntaxError("'await using' needs a value", d.start);
      const n = ++this.usings;
      const cm = cx.local(`cm${n}`);
      const flag = cx.local(`h${n}`);
      const err = cx.local(`e${n}`);
      cx.edits.replace(d.id.start, d.id.start + d.id.name.length, cm);
      tail.push(
        ` const ${d.id.name} = (yield ${h}.enter(${cm})); let ${flag} = false, ${err}; try {`,
      );
      this.closers.push(` } catch (${cx.local("x")}) { ${flag} = true; ${err} = ${cx.local("x")}; } finally { ${h}.l = ${cx.src.lineOf(decl.start)}; yield ${h}.exit(${cm}, ${flag}, ${err}); }`);
    }
    const closing = this.closers.splice(this.closers.length - decl.declarations.length).reverse().join("");
    if (last === decl) {
      // The last statement of its block: the try is empty, and opening and closing it
      // share one offset, where closes would sort before opens. One insertion keeps the order.
      cx.edits.insert(decl.end, tail.join("") + closing, "open", this.depth + 1);
      return;
    }
    cx.edits.insert(decl.end, tail.join(""), "open", this.depth + 1);
    // Closes sort deepest first: between this list (depth) and its statements (depth + 1), later declarations deeper.
    cx.edits.insert(last.end, closing, "close", this.depth + 0.5 + this.usings * 1e-6);
  }

  /**
   * Python's `async for`: `for await (const x of E) BODY` becomes
   *
   *     for (let __al$itN = __al.aiter(E), __al$rN; !(__al$rN = (yield __al.anext(__al$itN))).done;) { const x = __al$rN.value; BODY }
   *
   * so each turn awaits `__anext__` through the runtime, as Python does.
   */
  private forAwait(node: Node): void {
    const cx = this.cx;
    const h = cx.host;
    const at = cx.src.find(node.start + 3, node.left.start, "await");
    if (!this.scope.async) throw syntaxError("'async for' outside async function: for await must be inside an async function", at);
    const n = ++this.usings;
    const it = cx.local(`it${n}`);
    const r = cx.local(`r${n}`);
    const left: Node = node.left;
    const target =
      left.type === "VariableDeclaration"
        ? `${left.kind} ${cx.src.text.slice(left.declarations[0].id.start, left.declarations[0].id.end).replace(/\s+/g, " ")}`
        : cx.src.text.slice(left.start, left.end).replace(/\s+/g, " ");
    cx.edits.blank(at, at + 5);
    cx.edits.replace(left.start, node.right.start, `let ${it} = ${h}.aiter(`);
    cx.edits.insert(node.right.end, `), ${r}; !(${r} = (yield ${h}.anext(${it}))).done;`, "close", this.depth);
    const bind = ` ${target} = ${r}.value;`;
    if (node.body.type === "BlockStatement") cx.edits.insert(node.body.start + 1, bind, "open", this.depth + 1);
    else {
      cx.edits.insert(node.body.start, `{${bind} `, "open", this.depth + 1);
      cx.edits.insert(node.body.end, " }", "close", this.depth);
    }
    this.visit(node.right);
    this.visit(node.body);
  }

  /** Count of `await using` declarations, for unique helper names. */
  private usings = 0;
  private readonly closers: string[] = [];

  /** Visit a node; `name` is the name JavaScript would give it if it is an anonymous function or class. */
  visit(node: Node | null | undefined, name?: string, method = false): void {
    if (!node) return;
    if (strip.isErasedStatement(node)) return this.cx.erase(node.start, node.end);
    const unsupported = strip.unsupportedSyntax(node);
    if (unsupported) throw unsupported;
    this.depth++;
    strip.blankTypeFields(this.cx, node);
    this.dispatch(node, name, method);
    this.depth--;
  }

  private dispatch(node: Node, name: string | undefined, method: boolean): void {
    const cx = this.cx;
    switch (node.type) {
      case "BlockStatement":
        return this.statements(node.body);
      case "SwitchStatement":
        this.visit(node.discriminant);
        for (const c of node.cases) {
          this.visit(c.test);
          this.statements(c.consequent);
        }
        return;
      case "WhileStatement":
        this.unmarked(node.test);
        return this.visit(node.body);
      case "DoWhileStatement":
        this.visit(node.body);
        return this.unmarked(node.test);
      case "ForStatement":
        this.visit(node.init);
        this.unmarked(node.test, node.update);
        return this.visit(node.body);
      case "ForOfStatement":
        if (node.await) return this.forAwait(node);
        this.unmarked(node.left);
        this.visit(node.right);
        return this.visit(node.body);
      case "VariableDeclaration":
        return node.declarations.forEach((d: Node) => this.visit(d));
      case "VariableDeclarator":
        if (node.definite) strip.stripDefinite(cx, node);
        this.visit(node.id);
        return this.visit(node.init, targetName(node.id));
      case "AssignmentExpression":
        this.checkSuperTarget(node.left);
        this.visit(node.left);
        return this.visit(node.right, NAMING_OPERATORS.has(node.operator) ? targetName(node.left) : undefined);
      case "UpdateExpression":
        this.checkSuperTarget(node.argument);
        return this.visit(node.argument);
      case "AssignmentPattern":
        this.visit(node.left);
        return this.visit(node.right, targetName(node.left));
      case "FunctionDeclaration":
      case "FunctionExpression":
      case "ArrowFunctionExpression":
        return walkFunction(this, node, name, method);
      case "ClassDeclaration":
      case "ClassExpression":
        return walkClass(this, node, node.id?.name ?? name ?? "<anonymous>");
      case "Property":
        return walkProperty(this, node);
      case "AwaitExpression":
        if (!this.scope.async) throw syntaxError("'await' outside async function", node.start);
        rewriteAwait(cx, node, this.marked === node.loc.start.line ? null : node.loc.start.line, this.depth);
        return this.visit(node.argument);
      case "MemberExpression":
        if (node.object.type === "Super" && this.scope.gen) return this.superMember(node, null);
        return this.children(node);
      case "CallExpression":
        if (node.callee.type === "MemberExpression" && node.callee.object.type === "Super" && this.scope.gen) {
          this.superMember(node.callee, node);
          return node.arguments.forEach((a: Node) => this.visit(a));
        }
        if (node.callee.type === "Super" && this.scope.gen) {
          throw syntaxError("super() inside an async arrow is not supported in snippets", node.start);
        }
        return this.children(node);
      case "Identifier":
        if (node.name === "arguments" && this.scope.gen?.arrow) this.scope.gen.usesArguments = true;
        return;
      case "ImportDeclaration":
        this.imports.push(...rewriteImport(cx, node, this.modules, node.loc.start.line));
        return;
      case "ImportExpression":
        throw syntaxError("dynamic import is not available in snippets", node.start);
      case "MetaProperty":
        if (node.meta.name === "import") throw syntaxError("import.meta is not available in snippets", node.start);
        return;
      case "ExportNamedDeclaration":
      case "ExportAllDeclaration":
      case "ExportDefaultDeclaration":
        return walkExport(this, node, this.modules);
      case "TSAsExpression":
      case "TSSatisfiesExpression":
        strip.stripAsExpression(cx, node, this.depth);
        return this.visit(node.expression, name);
      case "TSNonNullExpression":
        strip.stripNonNull(cx, node);
        return this.visit(node.expression, name);
      case "TSTypeAssertion":
        strip.stripTypeAssertion(cx, node, this.depth);
        return this.visit(node.expression, name);
      case "TSInstantiationExpression":
        return this.visit(node.expression, name);
      case "TSEnumDeclaration":
        emitEnum(cx, node);
        return node.members.forEach((m: Node) => this.visit(m.initializer));
      default:
        return this.children(node);
    }
  }

  /** Visit every child node, skipping TypeScript types. */
  private children(node: Node): void {
    for (const key in node) {
      if (key === "loc") continue;
      const value = node[key];
      if (Array.isArray(value)) {
        for (const child of value) if (isValueNode(child)) this.visit(child);
      } else if (isValueNode(value)) {
        this.visit(value);
      }
    }
  }

  /** Visit nodes that run after other statements of the same statement may have set markers (loop tests and updates). */
  private unmarked(...nodes: Node[]): void {
    const saved = this.marked;
    this.marked = null;
    for (const n of nodes) this.visit(n);
    this.marked = saved;
  }

  /** Declare the super accessor at `pos`, the start of a method's or static block's body. */
  declareSuper(pos: number): void {
    this.cx.edits.insert(pos, ` const ${this.cx.local("s")} = (k) => super[k];`, "open", this.depth);
  }

  private superMember(member: Node, call: Node | null): void {
    const home = this.scope.home;
    if (!home || home.kind === "field") {
      throw syntaxError("'super' inside an async arrow in a class field is not supported in snippets", member.start);
    }
    home.usesSuper = true;
    rewriteSuperMember(this.cx, member, call, this.depth);
    if (member.computed) this.visit(member.property);
  }

  private checkSuperTarget(target: Node): void {
    if (target.type === "MemberExpression" && target.object.type === "Super" && this.scope.gen) {
      throw syntaxError("assigning to a super property inside an async function is not supported in snippets", target.start);
    }
  }
}

/** Whether a statement in a list gets a line marker. */
function needsMarker(s: Node): boolean {
  switch (s.type) {
    case "FunctionDeclaration":
    case "EmptyStatement":
    case "ExportAllDeclaration":
      return false;
    case "ExpressionStatement":
      return s.directive === undefined;
    case "ExportNamedDeclaration":
      return s.declaration ? needsMarker(s.declaration) : false;
    case "ExportDefaultDeclaration":
      return !(s.declaration.type === "FunctionDeclaration" && s.declaration.id);
    default:
      return true;
  }
}

/** The name JavaScript gives an anonymous function assigned to this target. */
function targetName(target: Node): string | undefined {
  return target.type === "Identifier" ? target.name : undefined;
}

function isValueNode(value: unknown): value is Node {
  const type = (value as Node | null)?.type;
  return typeof type === "string" && (!type.startsWith("TS") || isValueTsNode(type));
}
