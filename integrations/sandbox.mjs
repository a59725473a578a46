// @ts-check
/**
 * Builds the sandbox: the worker that runs snippets (src/sandbox/worker.ts,
 * bundled by esbuild into one self-contained script, since it starts from a
 * blob: URL inside an opaque-origin frame and can import nothing) and the
 * frame page that starts it, with a Content-Security-Policy that allows
 * only its own inline boot script (by hash), eval (the snippet runner needs
 * `new Function`) and blob: workers — and no network at all.
 *
 * The policy is the sandbox's wall: a blob: worker inherits it, so every
 * way a worker has to the network — fetch, XMLHttpRequest, WebSocket,
 * EventSource, WebTransport, sendBeacon (connect-src), importScripts and
 * import() (script-src: no URL at all, not even blob:), nested workers
 * (worker-src: blob: only, which cannot reach the network), fonts
 * (font-src) — is refused by the browser, whatever the worker's code does.
 *
 * Served from memory by the dev server and written to dist/sandbox/ on build.
 * The page learns the worker's URL (with a content hash) from the
 * `__SANDBOX_WORKER_URL__` / `__SANDBOX_FRAME_URL__` constants.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const root = new URL("../", import.meta.url);
const entry = fileURLToPath(new URL("src/sandbox/worker.ts", root));
const bootFile = new URL("src/sandbox/frame/boot.js", root);

/**
 * The CSP of the sandbox frame (and, by inheritance, of its blob: worker).
 * @param {string} bootHash base64 SHA-256 of the boot script
 */
export function frameCsp(bootHash) {
  return [
    "default-src 'none'",
    `script-src 'sha256-${bootHash}' 'unsafe-eval'`,
    "worker-src blob:",
    "connect-src 'none'",
    "img-src 'none'",
    "style-src 'none'",
    "font-src 'none'",
    "media-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

async function bundleWorker() {
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: "iife",
    minify: true,
    target: "es2022",
    platform: "browser",
    write: false,
    legalComments: "none",
    // Strict like the sources (ES modules), so a write to a frozen
    // intrinsic throws here as it does in Node's tests, never fails silently.
    banner: { js: '"use strict";' },
  });
  return result.outputFiles[0].text;
}

async function framePage() {
  const boot = (await readFile(bootFile, "utf8")).trim();
  const hash = createHash("sha256").update(boot).digest("base64");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${frameCsp(hash)}">
<title>Async Lab sandbox</title></head>
<body><script>${boot}</script></body></html>
`;
}

const short = (/** @type {string} */ text) => createHash("sha256").update(text).digest("hex").slice(0, 12);

/** @returns {import("astro").AstroIntegration} */
export default function sandbox() {
  let worker = "";
  let frame = "";
  return {
    name: "async-lab:sandbox",
    hooks: {
      "astro:config:setup": async ({ updateConfig, command }) => {
        worker = await bundleWorker();
        frame = await framePage();
        const dev = command === "dev";
        updateConfig({
          vite: {
            define: {
              __SANDBOX_WORKER_URL__: JSON.stringify(`/sandbox/worker.js?v=${dev ? "dev" : short(worker)}`),
              __SANDBOX_FRAME_URL__: JSON.stringify(`/sandbox/frame.html?v=${dev ? "dev" : short(frame)}`),
            },
          },
        });
      },
      "astro:server:setup": ({ server }) => {
        server.middlewares.use(async (req, res, next) => {
          const path = (req.url ?? "").split("?")[0];
          if (path !== "/sandbox/worker.js" && path !== "/sandbox/frame.html") return next();
          try {
            const body = path.endsWith(".js") ? await bundleWorker() : await framePage();
            res.setHeader("Content-Type", path.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/html; charset=utf-8");
            res.setHeader("Cache-Control", "no-store");
            res.end(body);
          } catch (e) {
            next(e);
          }
        });
      },
      "astro:build:done": async ({ dir }) => {
        const out = new URL("sandbox/", dir);
        await mkdir(out, { recursive: true });
        await writeFile(new URL("worker.js", out), worker);
        await writeFile(new URL("frame.html", out), frame);
      },
    },
  };
}
