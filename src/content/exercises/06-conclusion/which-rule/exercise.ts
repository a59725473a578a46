import { blocked, defineExercise, loopTime, noWarnings, printsInOrder, responses, runs, uses } from "../../../../checks/index.ts";

export default defineExercise({
  title: "Which rule?",
  statement:
    "This program fetches six names from the rate-limited API, and it looks careful. It still breaks one of the five rules. " +
    "Find it, then fix it, so that the run passes a check for each rule and takes at most 2.4 s.",
  predict: {
    kind: "choice",
    prompt: "Read the code before you run it. Which rule does it break?",
    options: [
      "Await or schedule every coroutine",
      "Bound your concurrency",
      "Never block the loop",
      "Put a timeout on every wait",
      "Handle errors per task",
    ],
    answer: 2,
    explain:
      "`time.sleep(0.2)` is a blocking call: it stops the whole loop, not only the task that wants to pause. " +
      "On the timeline the loop's lane is blocked six times, and the pauses come one after another instead of side by side, so the requests leave 0.2 s apart. " +
      "Everything else is in order: `gather` awaits every `fetchName`, the semaphore keeps the API at three, the session has a timeout, and each task catches its own errors.",
  },
  // A check for each rule, in the lesson's order, so that the list does not give the answer away.
  checks: [
    noWarnings(),
    responses("429", { atMost: 0 }),
    blocked(0),
    uses("timeout"),
    runs(),
    loopTime({ atMost: 2.4 }),
    printsInOrder(["['item 1', 'item 2', 'item 3', 'item 4', 'item 5', 'item 6']"]),
  ],
  hints: [
    "Look at the loop's lane on the timeline, and at the moments the requests leave.",
    "Inside a coroutine, any call that does not `await` runs on the loop's only thread. `time.sleep` is one of them.",
    "Keep the pause, but make it one that only suspends this task: `await asyncio.sleep(0.2);`",
  ],
});
