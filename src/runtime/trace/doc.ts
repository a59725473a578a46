/**
 * docs/trace.md's tables, written from the schema: the page's description
 * of the trace cannot drift from the table the code follows. The doc holds
 * each generated part between `<!-- schema:NAME -->` and
 * `<!-- /schema:NAME -->`; a unit test (test/unit/runtime/trace-doc.test.ts)
 * fails when they differ, and rewrites them with `UPDATE_DOCS=1`.
 */
import { EVENTS, type FieldSpec, type KindSpec, LIST_WAITS, WAIT_KINDS } from "./schema.ts";

const COLUMN_NAMES: Record<FieldSpec["col"], string> = { a: "a", b: "b", s: "s", f: "f", x: "x", list: "list" };

/** The generated parts of docs/trace.md, by name. */
export function schemaBlocks(): Record<string, string> {
  const rows = (Object.entries(EVENTS) as [string, KindSpec][]).map(([kind, spec]) => {
    const fields = Object.entries(spec.fields)
      .map(([name, f]) => `\`${name}\` (${f.type}, column ${f.read === "wait" ? "f, s, b, list" : COLUMN_NAMES[f.col]}): ${f.doc}`)
      .join("; ");
    return `| \`${kind}\` | ${spec.code} | ${fields} | ${spec.doc} |`;
  });
  const events = ["| kind | code | fields (type, column): meaning | meaning |", "|---|---|---|---|", ...rows].join("\n");
  const waits = `\`wait.kind\` is one of ${WAIT_KINDS.map((k) => `\`${k}\``).join(", ")} (column \`f\` holds its position in this list + 1; 0: not waiting). For ${[...LIST_WAITS].map((k) => `\`${k}\``).join(", ")}, \`wait.targets\` lists the ids of the tasks waited for (column \`list\`).`;
  return { events, "wait-kinds": waits };
}

/** `markdown` with each generated part replaced by the schema's. */
export function withSchemaBlocks(markdown: string): string {
  let out = markdown;
  for (const [name, body] of Object.entries(schemaBlocks())) {
    const open = `<!-- schema:${name} -->`;
    const close = `<!-- /schema:${name} -->`;
    const a = out.indexOf(open);
    const b = out.indexOf(close);
    if (a < 0 || b < a) throw new Error(`docs/trace.md has no ${open} ... ${close} block`);
    out = `${out.slice(0, a + open.length)}\n${body}\n${out.slice(b)}`;
  }
  return out;
}
