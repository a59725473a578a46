/**
 * An exercise: a short task, starter code, the checks its run must pass,
 * hints, a reference solution, and sometimes a prediction to make before
 * running. Declared in `src/content/exercises/<lesson>/<id>/exercise.ts`
 * with `defineExercise`, beside `starter.ts` and `solution.ts` (snippets the
 * type checker and the tests see), and placed in a lesson with one line of
 * MDX: `<Exercise id="overlap-the-waits" />`.
 */
import { evaluate, type CheckResult } from "./evaluate.ts";
import { factsOf, type RunRecord } from "./facts.ts";
import type { CheckSpec } from "./specs.ts";

/**
 * A question asked before the run.
 *
 * - `order`: put the program's printed lines in the order they appear (and,
 *   if `times` is given, pick the loop time each is printed at). The answer
 *   is the run itself: the page compares the prediction with what ran.
 * - `choice`: one answer out of a few; `answer` is the index of the right
 *   one, `explain` says why, shown after the run.
 */
export type Prediction =
  | { readonly kind: "order"; readonly prompt: string; readonly lines: readonly string[]; readonly times?: readonly number[] }
  | { readonly kind: "choice"; readonly prompt: string; readonly options: readonly string[]; readonly answer: number; readonly explain: string };

export interface ExerciseDefinition {
  /** Shown as the exercise's heading. */
  readonly title: string;
  /**
   * The task, in a sentence or three. Inline `code` and **bold** are
   * rendered; paragraphs are separated by a blank line.
   */
  readonly statement: string;
  /** What a run must do; the starter fails at least one, the solution passes all. */
  readonly checks: readonly CheckSpec[];
  /** Revealed one at a time, mildest first. */
  readonly hints: readonly string[];
  /** Asked before the first run, if present. */
  readonly predict?: Prediction;
}

/** An exercise as the site knows it: its definition, where it lives, and its code. */
export interface Exercise extends ExerciseDefinition {
  /** Stable and unique across the site: the block's `id` (`#overlap-the-waits`), its playground's id and storage key. */
  readonly id: string;
  /** The lesson folder: "01-why-async". */
  readonly lesson: string;
  readonly starter: string;
  readonly solution: string;
}

/** Declares an exercise (checked by the type checker; the id comes from its folder). */
export function defineExercise(definition: ExerciseDefinition): ExerciseDefinition {
  return definition;
}

/** One check's verdict on a run, with the check's index in the exercise. */
export interface ExerciseCheckResult extends CheckResult {
  readonly index: number;
}

/** Runs every check of `checks` over a run; solved when all pass. */
export function checkRun(checks: readonly CheckSpec[], run: RunRecord, source: string): { readonly results: readonly ExerciseCheckResult[]; readonly solved: boolean } {
  const facts = factsOf(run, source);
  const results = checks.map((spec, index) => ({ ...evaluate(spec, facts), index }));
  return { results, solved: results.length > 0 && results.every((r) => r.pass) };
}
