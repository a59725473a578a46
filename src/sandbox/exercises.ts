/**
 * The exercises, for Node (the terminal's `async-lab check` and the tests):
 * the same files the site's build reads (src/components/exercise/exercises.ts
 * does it with Vite's glob), read here from disk.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Exercise, ExerciseDefinition } from "../checks/index.ts";

/** Where the exercises live in this checkout. */
export const EXERCISES_DIR = fileURLToPath(new URL("../content/exercises/", import.meta.url));

/** Every exercise under `root`, in lesson and folder order. */
export async function loadExercises(root = EXERCISES_DIR): Promise<Exercise[]> {
  const out: Exercise[] = [];
  for (const lesson of readdirSync(root).sort()) {
    if (!existsSync(join(root, lesson)) || lesson.startsWith(".")) continue;
    for (const id of readdirSync(join(root, lesson)).sort()) {
      const dir = join(root, lesson, id);
      const def = join(dir, "exercise.ts");
      if (!existsSync(def)) continue;
      const definition = ((await import(pathToFileURL(def).href)) as { default: ExerciseDefinition }).default;
      out.push({ ...definition, id, lesson, starter: readFileSync(join(dir, "starter.ts"), "utf8"), solution: readFileSync(join(dir, "solution.ts"), "utf8") });
    }
  }
  return out;
}
