import { defineExercise, loopTime, printedAt, printsExactly, tasks } from "../../../../checks/index.ts";

export default defineExercise({
  title: "Clean up when cancelled",
  statement:
    "When the user stops this download, its task is cancelled, and the half-written `download.part` is left behind. " +
    "Make the download remove it however it ends, cancelled included, while the task still ends cancelled at 1 s.",
  checks: [
    printsExactly(["download: created download.part", "download: removed download.part", "main: download stopped"]),
    printedAt("download: removed download.part", 1),
    tasks("cancelled", { coro: "download", atLeast: 1 }),
    loopTime({ atMost: 1 }),
  ],
  hints: [
    "Cancelling a task throws `CancelledError` into it at the `await` where it waits. Like any exception, it skips the rest of the function.",
    "Code in a `finally` block runs however its `try` block ends, and the exception goes on up afterwards.",
    "Wrap the request and the reading of the body in `try { ... }`, and move the line that removes the file into `finally { ... }`.",
  ],
});
