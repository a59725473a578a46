import { defineExercise, noWarnings, printsInOrder } from "../../../../checks/index.ts";

export default defineExercise({
  title: "The mail that was never sent",
  statement:
    "Two users sign up, and each should get a welcome mail. The program says `all signed up`, but no mail goes out, and a warning appears. " +
    "Make every mail go out before `all signed up` is printed, with no warning left.",
  checks: [
    noWarnings(),
    printsInOrder(["welcome mail sent to ada", "welcome mail sent to guido", "all signed up"]),
  ],
  hints: [
    "Read the warning: it names the coroutine and the line where it was made.",
    "Calling an `async` function only makes a coroutine object. None of its body runs until something awaits it or wraps it in a task.",
    "Put `await` in front of `sendWelcome(user)`.",
  ],
});
