/** docs/trace.md's event table is the schema's (UPDATE_DOCS=1 rewrites it from the schema). */
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { withSchemaBlocks } from "../../../src/runtime/testing.ts";

const DOC = "docs/trace.md";

describe("docs/trace.md", () => {
  it("describes exactly the schema's event kinds, codes, fields and wait kinds", () => {
    const doc = readFileSync(DOC, "utf8");
    const want = withSchemaBlocks(doc);
    if (process.env.UPDATE_DOCS) writeFileSync(DOC, want);
    else expect(doc, "docs/trace.md differs from the schema (src/runtime/trace/schema.ts): run UPDATE_DOCS=1 npx vitest run test/unit/runtime/trace-doc.test.ts").toBe(want);
  });
});
