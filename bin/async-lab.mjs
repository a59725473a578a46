#!/usr/bin/env node
// The terminal runner: `npx async-lab run FILE.ts`. It runs a snippet
// through the same pipeline as the browser (see src/sandbox/cli.ts).
// Node >= 22.18 runs the TypeScript sources directly (type stripping).
const { main } = await import("../src/sandbox/cli.ts");
process.exitCode = await main(process.argv.slice(2));
