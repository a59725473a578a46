/**
 * The exercises, for the site's build: `src/content/exercises/<lesson>/<id>/`
 * holds `exercise.ts` (the definition), `starter.ts` and `solution.ts`.
 * Read at build time; the page gets each exercise's data as JSON, never
 * this module.
 */
import type { Exercise, ExerciseDefinition } from "../../checks/index.ts";

const definitions = import.meta.glob<ExerciseDefinition>("/src/content/exercises/*/*/exercise.ts", { import: "default", eager: true });
const code = import.meta.glob<string>("/src/content/exercises/*/*/{starter,solution}.ts", { query: "?raw", import: "default", eager: true });

const PREFIX = "/src/content/exercises/";

/** Every exercise, in lesson and folder order. */
export const EXERCISES: readonly Exercise[] = Object.keys(definitions)
  .sort()
  .map((file) => {
    const [lesson, id] = file.slice(PREFIX.length).split("/");
    const dir = `${PREFIX}${lesson}/${id}/`;
    const starter = code[`${dir}starter.ts`];
    const solution = code[`${dir}solution.ts`];
    if (starter === undefined || solution === undefined) throw new Error(`Exercise ${lesson}/${id} needs starter.ts and solution.ts beside its exercise.ts`);
    return { ...definitions[file], id, lesson, starter, solution };
  });

/** The exercise `<Exercise id="...">` names; throws at build time if there is none (a typo in a lesson). */
export function getExercise(id: string): Exercise {
  const found = EXERCISES.find((e) => e.id === id);
  if (!found) throw new Error(`No exercise "${id}" under src/content/exercises (have: ${EXERCISES.map((e) => e.id).join(", ")})`);
  return found;
}

/** Exercise ids per lesson folder, in order (for progress: "2 of 3 solved"). */
export function exercisesByLesson(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of EXERCISES) (out[e.lesson] ??= []).push(e.id);
  return out;
}
