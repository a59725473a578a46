/**
 * Serves the built site for the browser tests (Starlight's e2e fixture does
 * the same: build once, serve, drive a real browser). A small static server
 * rather than `astro preview`, so tests control headers and can serve a
 * build from another directory (`DIST=dist-x`, default `dist`).
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import type { TestProject } from "vitest/node";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".xml": "application/xml",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
  ".pf_meta": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pagefind": "application/octet-stream",
};

/** Resolves a URL path to a file under `root` (directories to index.html), or null. */
function fileFor(root: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split("?")[0]);
  } catch {
    return null;
  }
  const full = normalize(join(root, path));
  if (!full.startsWith(root)) return null;
  if (existsSync(full) && statSync(full).isDirectory()) {
    const index = join(full, "index.html");
    return existsSync(index) ? index : null;
  }
  return existsSync(full) ? full : null;
}

export function serve(root: string, port = 0): Promise<Server> {
  const dir = resolve(root);
  const server = createServer((req, res) => {
    const file = fileFor(dir, req.url ?? "/");
    if (file === null) {
      res.writeHead(404, { "Content-Type": "text/html; charset=utf-8" });
      const notFound = join(dir, "404.html");
      if (existsSync(notFound)) createReadStream(notFound).pipe(res);
      else res.end("Not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream", "Cache-Control": "no-cache" });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(port, "127.0.0.1", () => ok(server)));
}

export default async function setup(project: TestProject): Promise<() => void> {
  const root = process.env.DIST ?? "dist";
  if (!existsSync(join(root, "index.html"))) throw new Error(`${root}/ is missing: run \`npm run build\` before the browser tests`);
  const server = await serve(root);
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  project.provide("baseUrl", `http://127.0.0.1:${port}`);
  return () => server.close();
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
