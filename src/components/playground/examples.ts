/**
 * The lesson examples: `src/content/examples/<lesson>/<name>.ts` with its
 * Python counterpart `<name>.py` (and, for the tests, `<name>.out`). Read
 * at build time as text; nothing here is executed or bundled for the page.
 */
const ts = import.meta.glob<string>("/src/content/examples/**/*.ts", { query: "?raw", import: "default", eager: true });
const py = import.meta.glob<string>("/src/content/examples/**/*.py", { query: "?raw", import: "default", eager: true });

export interface Example {
  /** "02-basics/greeters": what `<Playground example=...>` names. */
  readonly path: string;
  /** "greeters": the playground's stable id, unique across the site (anchors `#pg-greeters`, `/embed/greeters/`). */
  readonly id: string;
  /** "02-basics": the lesson folder ("home": the home page's example). */
  readonly lesson: string;
  /** The page that shows it: "/lessons/02-basics/", or "/" for the home page's. */
  readonly page: string;
  readonly ts: string;
  readonly py: string | null;
}

const PREFIX = "/src/content/examples/";

function toExample(file: string): Example {
  const path = file.slice(PREFIX.length, -".ts".length);
  const [lesson, id] = path.split("/");
  const page = lesson === "home" ? "/" : `/lessons/${lesson}/`;
  return { path, id, lesson, page, ts: ts[file], py: py[`${PREFIX}${path}.py`] ?? null };
}

/** Every example, in lesson and file order. */
export const EXAMPLES: readonly Example[] = Object.keys(ts)
  .filter((f) => !f.endsWith(".d.ts"))
  .sort()
  .map(toExample);

/** The example `<Playground example="...">` names; throws at build time if there is none (a typo in a lesson). */
export function getExample(path: string): Example {
  const found = EXAMPLES.find((e) => e.path === path || e.id === path);
  if (!found) throw new Error(`No example "${path}" under src/content/examples (have: ${EXAMPLES.map((e) => e.path).join(", ")})`);
  return found;
}
