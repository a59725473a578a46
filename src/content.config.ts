import { defineCollection } from "astro:content";
import { z } from "astro/zod";
import { docsLoader } from "@astrojs/starlight/loaders";
import { docsSchema } from "@astrojs/starlight/schema";

/**
 * Frontmatter that Async Lab adds to Starlight's own (title, description,
 * template, hero, sidebar, ...). Every page may use it; only lessons need it.
 *
 * The loader reads `.md`/`.mdx` under src/content/docs/ and skips names that
 * start with `_`, so example snippets (`lessons/examples/*.ts`) beside the
 * lessons are never mistaken for pages.
 */
const lessonFrontmatter = z.object({
  /**
   * Position of the lesson in the course, 1 to 6, matching the article's
   * sections. Absent on pages that are not lessons (home, cheat sheets).
   * Default: undefined (not a lesson).
   */
  lesson: z.int().min(1).max(6).optional(),

  /**
   * What the learner should be able to do or explain after the lesson, in
   * one sentence. Shown under the title and used by the lesson index.
   * Default: undefined (no goal shown).
   */
  goal: z.string().min(1).optional(),

  /**
   * The Python asyncio APIs the lesson teaches, as dotted names
   * (`asyncio.gather`, `asyncio.Semaphore`, `loop.run_in_executor`). The
   * cheat sheet and "Python reference" links are built from this list, so a
   * name here must be one the lesson actually shows.
   * Default: [] (the lesson introduces no API).
   */
  python: z
    .array(z.string().regex(/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/, "a dotted Python name"))
    .default([]),
});

export const collections = {
  docs: defineCollection({
    loader: docsLoader(),
    schema: docsSchema({ extend: lessonFrontmatter }),
  }),
};
