import { defineConfig } from "vitest/config";

/**
 * Browser tests: the built site (dist/ from `npm run build`, or `DIST=dir`)
 * served by a small static server (test/browser/server.ts), driven by
 * playwright-core on the system Chromium (CHROME_PATH, default
 * /usr/bin/chromium). One file at a time: they share two cores with the
 * browser.
 */
export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    environment: "node",
    globalSetup: ["test/browser/server.ts"],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: "forks",
  },
});
