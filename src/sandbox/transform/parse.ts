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

/** Parse a snippet as a TypeScript module; throws acorn's SyntaxError. */
export function parse(source: string): Node {
  parser ??= Parser.extend(tsPlugin());
  // The plugin requires `locations`; snippets are modules (they import).
  return parser.parse(source, { ecmaVersion: "latest", sourceType: "module", locations: true }) as unknown as Node;
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
