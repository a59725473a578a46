import { describe, expect, it } from "vitest";
import { compileError, compileOk, evaluate, fakeHost } from "./helpers.ts";

const asyncio = { sleep: () => "sleep", gather: () => "gather", run: () => "run" };

function run(source: string, options?: Parameters<typeof compileOk>[1]) {
  const host = fakeHost({ asyncio, time: { sleep: () => "time.sleep" } });
  const values: unknown[] = [];
  evaluate(compileOk(source, options).code, host, { out: (v: unknown) => values.push(v) }, options?.host ?? "__al");
  return { host, values };
}

describe("imports", () => {
  it("binds a namespace or default import to the module the host returns", () => {
    const { code } = compileOk('import * as asyncio from "asyncio";\nimport time from "time";');
    expect(code).toBe('"use strict";__al.l=1;const      asyncio = __al.imp("asyncio");\n__al.l=2;const time = __al.imp("time");');
    const { values } = run('import * as aio from "asyncio";\nout(aio.sleep());');
    expect(values).toEqual(["sleep"]);
  });

  it("destructures named imports, renaming with as, and tells the host which names were asked for", () => {
    const { code } = compileOk('import { sleep, gather as g } from "asyncio";');
    expect(code).toBe('"use strict";__al.l=1;const { sleep, gather :  g } = __al.imp("asyncio", ["sleep", "gather"]);');
    const { host, values } = run('import { sleep, gather as g } from "asyncio";\nout([sleep(), g()]);');
    expect(values).toEqual([["sleep", "gather"]]);
    expect(host.imported).toEqual([{ module: "asyncio", names: ["sleep", "gather"] }]);
  });

  it("turns a side-effect import into a call, adding a ; when the source had none", () => {
    const { code } = compileOk('import "asyncio"\n(1)');
    expect(code).toBe('"use strict";__al.l=1;__al.imp("asyncio");\n__al.l=2;(1)');
  });

  it("combines a default import with named ones", () => {
    const { values } = run('import aio, { sleep } from "asyncio";\nout([aio.run(), sleep()]);');
    expect(values).toEqual([["run", "sleep"]]);
  });

  it("keeps a multi-line import on its lines and drops type-only specifiers", () => {
    const source = 'import {\n  type Task,\n  sleep,\n  gather as g,\n} from "asyncio"\nout(g())';
    const { code } = compileOk(source);
    expect(code.split("\n")[4]).toBe('} = __al.imp("asyncio", ["sleep", "gather"]);');
    expect(run(source).values).toEqual(["gather"]);
  });

  it("erases an import of types only without looking at the module", () => {
    const { code } = compileOk('import type { Anything } from "numpy";\nimport { type Task } from "asyncio";');
    expect(code).not.toContain("imp(");
  });

  it("reports what the snippet imports", () => {
    const r = compileOk('import * as asyncio from "asyncio";\nimport { sleep, gather as g, type T } from "asyncio";\nimport "time";\nimport t, * as t2 from "time";');
    expect(r.imports).toEqual([
      { module: "asyncio", names: "*", local: "asyncio", line: 1 },
      { module: "asyncio", names: ["sleep", "gather"], local: ["sleep", "g"], line: 2 },
      { module: "time", names: [], local: [], line: 3 },
      { module: "time", names: "*", local: "t", line: 4 },
      { module: "time", names: "*", local: "t2", line: 4 },
    ]);
  });

  it("uses the host name and module list it is given", () => {
    const { code } = compileOk('import * as x from "extra";\nasync function f() { await x; }', { host: "$h", modules: ["extra"] });
    expect(code).toContain('$h.imp("extra")');
    expect(code).toContain("$h.l=1;");
    expect(code).toContain("$h.co($h$f.apply(this, arguments)");
    const err = compileError('import * as asyncio from "asyncio";', { modules: ["extra"] });
    expect(err.message).toBe("No module named 'asyncio' (available: extra)");
  });

  it("fails like Python for a module that does not exist, at the module name", () => {
    expect(compileError('const x = 1;\nimport * as np from "numpy";')).toEqual({
      name: "ModuleNotFoundError",
      message: "No module named 'numpy' (available: asyncio, aiohttp, requests, time, bs4)",
      line: 2,
      column: 20,
    });
  });

  it("fails like Python for a relative import", () => {
    expect(compileError('import { helper } from "./helper.ts";')).toMatchObject({
      name: "ImportError",
      message: "attempted relative import with no known parent package",
      column: 23,
    });
  });

  it("rejects dynamic import and import.meta", () => {
    expect(compileError('const m = import("asyncio");')).toMatchObject({ name: "SyntaxError", message: "dynamic import is not available in snippets", column: 10 });
    expect(compileError("const u = import.meta.url;")).toMatchObject({ message: "import.meta is not available in snippets", column: 10 });
  });

  it("leaves require alone: it is simply undefined when the snippet runs", () => {
    expect(compileOk('const fs = require("fs");').code).toContain('require("fs")');
  });
});

describe("exports", () => {
  it("drops export keywords from declarations and removes export lists", () => {
    const source = "export const a = 1;\nexport function f() { return a; }\nexport class C {}\nexport { a as b };\nexport * from 'asyncio';\nout([a, f(), typeof C]);";
    const { code } = compileOk(source);
    expect(code.split("\n")[0]).toBe('"use strict";__al.l=1;       const a = 1;');
    expect(run(source).values).toEqual([[1, 1, "function"]]);
  });

  it("turns export default of an expression into an expression statement", () => {
    expect(run("export default { a: 1, b: 2 }\nout(1)").values).toEqual([1]);
    expect(run("export default async function () { return 1; }\nout(2)").values).toEqual([2]);
    expect(run("export default class { }\nout(3)").values).toEqual([3]);
  });

  it("keeps a default-exported named function usable by name", () => {
    expect(run("export default async function main() { return 1; }\nout(main().name)").values).toEqual(["main"]);
  });

  it("checks the module of a re-export", () => {
    expect(compileError('export { x } from "numpy";')).toMatchObject({ name: "ModuleNotFoundError", column: 18 });
  });
});
