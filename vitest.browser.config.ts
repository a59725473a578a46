import { defineConfig } from "vitest/config";

/**
 * Browser tests: the built site (dist/, from `npm run build`) served by
 * `astro preview`, driven by playwright-core on the system Chromium
 * (CHROME_PATH, default /usr/bin/chromium).
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
