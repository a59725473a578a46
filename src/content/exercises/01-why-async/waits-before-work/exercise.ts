import { blockedFor, defineExercise, loopTime, printedAt, printsAll } from "../../../../checks/index.ts";

export default defineExercise({
  title: "Start the waits before the work",
  statement:
    "This program makes a thumbnail and downloads three files under one `gather`. Predict how long it takes, then make it finish in about one second. " +
    "The thumbnail is real work: it must still be made, and it still takes a second of computation, so keep `makeThumbnail` as it is and change only `main`.",
  predict: {
    kind: "choice",
    prompt: "How long does the program take as it is?",
    options: [
      "About 1 s: `gather` runs all four at the same time",
      "About 2 s: the downloads cannot start until the thumbnail is done",
      "About 4 s: `gather` runs them one after another",
    ],
    answer: 1,
    explain:
      "`gather` starts its tasks in argument order, so the thumbnail runs first, and it computes for a whole second without reaching an `await`. " +
      "The loop is blocked that whole time: the downloads cannot even send their requests until 1 s, and their waits take one more second. " +
      "On the timeline, the loop's blocked stretch comes first and the three requests after it.",
  },
  checks: [
    loopTime({ atMost: 1.5 }),
    printsAll(["file 1: 200", "file 2: 200", "file 3: 200", "cat.png resized"]),
    printedAt("cat.png resized", 1),
    blockedFor(1),
  ],
  hints: [
    "Look at the timeline: when is the loop blocked, and when do the three requests leave?",
    "Computation does not overlap with anything, but a wait can overlap with computation, if the wait has already begun when the computation starts.",
    "Each download runs until `await session.get(url)`, which sends its request and hands the loop back. Let the downloads take that first step before the thumbnail takes the loop.",
    "Move `makeThumbnail(\"cat.png\")` after the downloads in the `gather` call.",
  ],
});
