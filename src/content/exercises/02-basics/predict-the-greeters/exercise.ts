import { defineExercise, loopTime, printedAt, printsInOrder, tasks } from "../../../../checks/index.ts";

export default defineExercise({
  title: "Three greeters",
  statement:
    "Ada greets first, on her own; then Guido and Grace greet together under `gather`. " +
    "Predict the output, then change `main` so that Ada no longer keeps the others waiting: all three say hello at 0 s, Ada still first, and the run takes one second.",
  predict: {
    kind: "order",
    prompt: "In what order are these lines printed, and at what loop time?",
    lines: ["Ada says hello", "Ada says goodbye", "Guido says hello", "Grace says hello", "Guido says goodbye", "Grace says goodbye"],
    times: [0, 1, 2, 3],
  },
  checks: [
    loopTime({ atMost: 1 }),
    printsInOrder(["Ada says hello", "Guido says hello"]),
    printsInOrder(["Ada says hello", "Grace says hello"]),
    printedAt("Grace says hello", 0),
    printedAt("Grace says goodbye", 1),
    tasks("result", { coro: "greet", atLeast: 3 }),
  ],
  hints: [
    "`await greet(\"Ada\")` runs Ada's greeting to the end, inside `main`, before the next line of `main` starts.",
    "Only tasks wait side by side, and `gather` makes a task of each coroutine it is given.",
    "Hand all three greeters to one `gather`, Ada first: `await asyncio.gather(greet(\"Ada\"), greet(\"Guido\"), greet(\"Grace\"));`",
  ],
});
