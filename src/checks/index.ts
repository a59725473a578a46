/**
 * Exercise checks over a run's trace and output (pure TypeScript, no DOM):
 * the page evaluates them after every Run, `async-lab check` in the
 * terminal, and the tests on every exercise's starter and solution.
 *
 * - specs.ts: the checks as data, and the builders exercises are written with;
 * - facts.ts: the one interface between the checks and the trace;
 * - evaluate.ts: a check's verdict on a run, in words;
 * - exercise.ts: exercises, and checking a run against one.
 */
export { type CheckResult, evaluate, seconds } from "./evaluate.ts";
export { type ExerciseCheckResult, checkRun, defineExercise, type Exercise, type ExerciseDefinition, type Prediction } from "./exercise.ts";
export { factsOf, linesOf, type RunFacts, type RunRecord } from "./facts.ts";
export * from "./specs.ts";
