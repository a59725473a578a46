/**
 * Serves the built site for the browser tests (Starlight's e2e fixture does
 * the same: build once, serve, drive a real browser). Needs `dist/`; the
 * test command builds it first.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import type { TestProject } from "vitest/node";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

async function waitFor(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > end) throw new Error(`server at ${url} did not start`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

let server: ChildProcess | null = null;

export default async function setup(project: TestProject): Promise<() => void> {
  if (!existsSync("dist/index.html")) throw new Error("dist/ is missing: run `npm run build` before the browser tests");
  const port = await freePort();
  server = spawn(process.execPath, ["node_modules/astro/bin/astro.mjs", "preview", "--host", "127.0.0.1", "--port", String(port)], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/`, 60_000);
  project.provide("baseUrl", base);
  return () => {
    server?.kill();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
