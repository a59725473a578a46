// @ts-check
import { defineConfig } from "astro/config";
import starlight from "@astrojs/starlight";
import sandbox from "./integrations/sandbox.mjs";
import { snippetTypesPlugin } from "./integrations/snippet-types.mjs";

// Canonical URLs, og:url and the sitemap are built from `site`, which comes
// from configuration: SITE_URL at build time (`SITE_URL=https://example.org
// npm run build`, see the README). Without it the build has none of the
// three rather than ones pointing at a local server (`http://localhost:4321`
// leaked into every page's canonical link that way).
const site = process.env.SITE_URL || undefined;
if (site !== undefined && !/^https?:\/\/[^/]+/.test(site)) throw new Error(`SITE_URL must be an http(s) address, not ${JSON.stringify(site)}`);

/**
 * Keeps Monaco's CSS out of the first paint.
 *
 * Monaco's ESM modules do `import "./x.css"`. Astro adds every stylesheet it
 * can reach from a page's <script> to that page's <head>, following dynamic
 * `import()` too (withastro/astro#9495), so a lesson that lazy-loads the
 * editor would still get ~175 kB of render-blocking Monaco CSS. This plugin
 * turns each of those CSS imports into a tiny JS module that injects the CSS
 * as a <style> when it runs, i.e. when the editor chunk is actually loaded.
 * It does nothing until some module imports monaco-editor.
 *
 * @returns {import("vite").Plugin}
 */
function lazyMonacoCss() {
  // A virtual id must not end in ".css", or Vite treats the module as CSS;
  // so each stylesheet gets a numbered ".js" id and its path is kept here.
  /** @type {string[]} */
  const files = [];
  const prefix = "\0async-lab-monaco-css/";
  const fromMonaco = /[\\/]monaco-editor[\\/]esm[\\/].*\.js$/;
  return {
    name: "async-lab:lazy-monaco-css",
    enforce: "pre",
    async resolveId(source, importer, options) {
      if (!importer || !source.endsWith(".css") || !fromMonaco.test(importer)) return;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved) return;
      let index = files.indexOf(resolved.id);
      if (index === -1) index = files.push(resolved.id) - 1;
      return `${prefix}${index}.js`;
    },
    load(id) {
      if (!id.startsWith(prefix)) return;
      const file = files[Number(id.slice(prefix.length, -".js".length))];
      return [
        `import css from ${JSON.stringify(`${file}?inline`)};`,
        `const style = document.createElement("style");`,
        `style.dataset.monaco = "";`,
        `style.textContent = css;`,
        `document.head.append(style);`,
      ].join("\n");
    },
  };
}

export default defineConfig({
  site,
  vite: { plugins: [lazyMonacoCss(), snippetTypesPlugin()], build: { chunkSizeWarningLimit: 8000, minify: process.env.AL_NO_MINIFY ? false : undefined } },
  integrations: [
    sandbox(),
    starlight({
      title: "Async Lab",
      description:
        "Learn Python's asyncio by running it: edit small programs, run them on a virtual clock " +
        "in your browser, and watch the event loop schedule every task.",
      // Starlight adds @astrojs/mdx itself (with `optimize: true`) when it is
      // not listed here, so MDX lessons need no extra integration.
      sidebar: [
        {
          label: "Lessons",
          // Filled from src/content/docs/lessons/, sorted by file name
          // (01-why-async.mdx ... 06-conclusion.mdx). An empty or missing
          // folder gives an empty group; the build does not fail.
          items: [{ autogenerate: { directory: "lessons" } }],
        },
        // A custom route (src/pages/play.astro), so it is linked by hand.
        { label: "Playground", link: "/play/" },
      ],
      // Our styles go in the `asynclab` cascade layer, ordered after
      // Starlight's own `starlight` layer (see src/styles/layers.css).
      customCss: ["./src/styles/layers.css", "./src/styles/theme.css"],
      // Both are Starlight defaults, written out because the product depends
      // on them: every Markdown/MDX heading gets an `a.sl-anchor-link`
      // (instructors link to sections), and Pagefind indexes the built site.
      markdown: { headingLinks: true },
      pagefind: true,
      // Expressive Code highlights every code block (and `<Code>`) at build
      // time, with its default "starlight-dark" / "starlight-light" themes
      // (Night Owl, tinted with our --sl-color-* values) switched by
      // Starlight's `data-theme` attribute. Long lines wrap (indent kept):
      // a block that scrolled sideways would need a keyboard focus stop,
      // which Expressive Code adds only after a delay.
      expressiveCode: { defaultProps: { wrap: true, preserveIndent: true } },
      // Heading links also copy the section's address (for instructors).
      components: { MarkdownContent: "./src/components/MarkdownContent.astro" },
      lastUpdated: false,
      credits: false,
    }),
  ],
});
