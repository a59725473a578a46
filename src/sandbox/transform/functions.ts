/**
 * Functions: Python's `__qualname__`, parameters, the scope the body sees,
 * and the two rewrites of a whole function.
 *
 * - An async function becomes a lazy coroutine (rewrite-async.ts).
 * - A plain function whose body sets line markers hands the caller's line
 *   back when it returns:
 *
 *       get summary() { const __al$l = __al.l; try { __al.l=21;return ...; } finally { __al.l = __al$l; } }
 *
 *   Without it, `print(counter.summary)` would be reported at the getter's
 *   line, because the getter's markers run after the print statement's
 *   own. Measured cost: about 1-2 ns per call of a trivial function. Not
 *   done for coroutines (the runtime keeps a line per coroutine: it sets
 *   `l` back to a coroutine's line when it resumes it) nor for learner
 *   generators (a `finally` cannot run at each `yield`).
 */
import { syntaxError } from "./errors.ts";
import type { Node } from "./parse.ts";
import { arrowToken, rewriteAsyncFunction } from "./rewrite-async.ts";
import * as strip from "./strip-types.ts";
import { emitParameterProperties } from "./ts-emit.ts";
import type { FunctionScope, Home, Walker } from "./walk.ts";

/** Any function; `inferred` is the name JavaScript would give it, `method` whether it is a class or object member. */
export function walkFunction(w: Walker, fn: Node, inferred: string | undefined, method: boolean): void {
  const cx = w.cx;
  const arrow = fn.type === "ArrowFunctionExpression";
  if (fn.async && fn.generator) throw syntaxError("async generators are not supported in snippets", fn.start);
  const name = fn.id?.name ?? inferred ?? (fn.type === "FunctionDeclaration" ? "default" : "<lambda>");
  const qualname = w.prefix + name;
  strip.stripReturnType(cx, fn);
  const params: Node[] = strip.stripThisParam(cx, fn) ? fn.params.slice(1) : fn.params;
  const parameterProperties: string[] = [];
  for (const p of params) {
    if (p.type === "TSParameterProperty") {
      parameterProperties.push(strip.stripParameterProperty(cx, p));
      w.visit(p.parameter);
    } else {
      w.visit(p); // in the enclosing scope: defaults run at call time, as the caller's code
    }
  }

  const body: Node = fn.body;
  const saved = { prefix: w.prefix, scope: w.scope, marked: w.marked };
  const scope: FunctionScope = {
    async: fn.async,
    gen: fn.async ? { arrow, usesArguments: false } : arrow ? w.scope.gen : null,
    home: arrow ? w.scope.home : method ? ({ kind: "method", usesSuper: false } satisfies Home) : null,
    markers: 0,
  };
  w.prefix = `${qualname}.<locals>.`;
  w.scope = scope;
  // An async arrow's expression body gets a marker from the rewrite, on the line of its `=>`.
  const markerLine = fn.async && body.type !== "BlockStatement" ? cx.src.lineOf(arrowToken(cx, fn)) : null;
  w.marked = markerLine;
  if (body.type === "BlockStatement") w.statements(body.body);
  else w.visit(body);
  Object.assign(w, saved);

  const declareSuper = !arrow && scope.home !== null && scope.home.usesSuper;
  if (fn.async) {
    rewriteAsyncFunction(cx, fn, {
      qualname,
      method,
      passArguments: arrow && scope.gen!.usesArguments,
      declareSuper,
      markerLine,
      depth: w.depth,
    });
  } else {
    if (declareSuper) w.declareSuper(body.start + 1);
    if (body.type === "BlockStatement" && !fn.generator && scope.markers > 0) {
      const saveAs = cx.local("l");
      cx.edits.insert(body.start + 1, ` const ${saveAs} = ${cx.host}.l; try {`, "open", w.depth);
      cx.edits.insert(body.end - 1, `} finally { ${cx.host}.l = ${saveAs}; } `, "close", w.depth);
    }
  }
  emitParameterProperties(cx, fn, parameterProperties, w.depth);
}
