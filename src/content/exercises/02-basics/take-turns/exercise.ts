import { defineExercise, loopTime, printsExactly } from "../../../../checks/index.ts";

export default defineExercise({
  title: "Take turns",
  statement:
    "Two jobs run under `gather`, each in three quick chunks of work. Predict the order of their lines. " +
    "Then make the jobs take turns, one chunk each, without making the run take any loop time.",
  predict: {
    kind: "order",
    prompt: "In what order are the chunks printed?",
    lines: ["report: chunk 1", "report: chunk 2", "report: chunk 3", "backup: chunk 1", "backup: chunk 2", "backup: chunk 3"],
  },
  checks: [
    printsExactly(["report: chunk 1", "backup: chunk 1", "report: chunk 2", "backup: chunk 2", "report: chunk 3", "backup: chunk 3"]),
    loopTime({ atMost: 0 }),
  ],
  hints: [
    "A task keeps the loop until it reaches an `await` that has to wait. `crunch` has no `await` at all.",
    "`await asyncio.sleep(0)` waits for no time, but still suspends the task and sends it to the back of the ready queue.",
    "Add `await asyncio.sleep(0);` at the end of the loop's body, after the `print`.",
  ],
});
