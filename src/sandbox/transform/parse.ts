/**
 * The parser: acorn with the TypeScript plugin. It is the smallest parser
 * that reads TypeScript syntax and gives exact offsets for every node
 * (the TypeScript compiler itself is ~10x larger, too big for the worker).
 */
import { Parser } from "acorn";
import { tsPlugin } from "@sveltejs/acorn-typescript";

/**
 * An ESTree node plus the TypeScript plugin's fields (`typeAnnotation`,
 * `returnType`, `accessibility`, `declare`, ...). The plugin ships no types
 * for them, so fields are read loosely and checked where used.
 */
export interface Node {
  type: string;
  start: number;
  end: number;
  loc: { start: { line: number; column: number } };
  [field: string]: any;
}

let parser: typeof Parser | undefined;

/**
 * Thrown when a parse reads too many tokens. The TypeScript plugin tries
 * some constructs one way and backs up to try another (is `<T>(x)` a
 * generic arrow function or a type assertion?); nested, the tries multiply:
 * twenty `<any>(` inside each other took 8 s. Every try reads tokens, so a
 * cap on tokens read, a fixed multiple of the source's length, bounds the
 * whole parse.
 */
export class ParseBudgetError extends Error {
  readonly pos: number;
  constructor(pos: number) {
    super("parse budget exceeded");
    this.pos = pos;
  }
}

/** Tokens a parse may read per character of source (a plain parse reads about one token per 3-5 characters). */
const TOKENS_PER_CHAR = 4;
const MIN_TOKENS = 20_000;

/** The parts of acorn's Parser this plugin touches (its typings leave them out). */
interface TokenReader {
  pos: number;
  nextToken(): void;
}

/** acorn plugin: counts tokens read and stops the parse past its budget. */
function tokenBudget(Base: typeof Parser): typeof Parser {
  const Reader = Base as unknown as new (...args: unknown[]) => TokenReader;
  return class extends Reader {
    budget = MIN_TOKENS;
    over: ParseBudgetError | null = null;
    override nextToken(): void {
      // Once over, every read fails: the plugin's tries (which catch errors) all end at once.
      if (this.over !== null || --this.budget < 0) throw (this.over ??= new ParseBudgetError(this.pos));
      super.nextToken();
    }
  } as unknown as typeof Parser;
}

/** Parse a snippet as a TypeScript module; throws acorn's SyntaxError, or ParseBudgetError. */
export function parse(source: string): Node {
  parser ??= Parser.extend(tsPlugin(), tokenBudget as never);
  // The plugin requires `locations`; snippets are modules (they import).
  const Reader = parser as unknown as new (options: object, input: string) => { budget: number; parse(): unknown };
  const p = new Reader({ ecmaVersion: "latest", sourceType: "module", locations: true }, source);
  p.budget = Math.max(MIN_TOKENS, source.length * TOKENS_PER_CHAR);
  return p.parse() as Node;
}

/** Whether `node` is a TypeScript node that must be visited (it holds values), as opposed to a type. */
export function isValueTsNode(type: string): boolean {
  return VALUE_TS_NODES.has(type);
}

const VALUE_TS_NODES = new Set([
  "TSAsExpression",
  "TSSatisfiesExpression",
  "TSNonNullExpression",
  "TSTypeAssertion",
  "TSInstantiationExpression",
  "TSParameterProperty",
  "TSEnumDeclaration",
  "TSEnumMember",
  "TSModuleDeclaration",
  "TSImportEqualsDeclaration",
  "TSExportAssignment",
  "TSNamespaceExportDeclaration",
  "TSInterfaceDeclaration",
  "TSTypeAliasDeclaration",
  "TSDeclareFunction",
  "TSDeclareMethod",
  "TSIndexSignature",
]);
