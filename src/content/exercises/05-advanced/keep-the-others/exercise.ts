import { defineExercise, loopTime, printsInOrder, tasks, uses } from "../../../../checks/index.ts";

export default defineExercise({
  title: "One bad page, three good titles",
  statement:
    "One page of four refuses the connection, and the `TaskGroup` cancels the other three: no title survives. " +
    "Keep the group, but let each task handle its own connection error and give `None` (`null`) for its page, so that no task is cancelled and the three good titles come through.",
  checks: [
    tasks("cancelled", { atMost: 0 }),
    printsInOrder(["['Welcome to Python.org', None, 'asyncio — Asynchronous I/O — Python 3.14 documentation', 'PyPI · The Python Package Index']"]),
    loopTime({ atMost: 1.2 }),
    uses("TaskGroup"),
  ],
  hints: [
    "A `TaskGroup` cancels its other tasks when one of them raises. If no task raises, it never cancels anyone.",
    "Write a small `async function safeTitle(session, url)` that awaits `pageTitle(session, url)` inside a `try`, and in the `catch` returns `null` for an `aiohttp.ClientError`.",
    "Catch only what you expect: `if (!(e instanceof aiohttp.ClientError)) throw e;` lets anything else through, cancellation included.",
    "In the group, create the tasks from `safeTitle(session, url)` instead of `pageTitle(session, url)`.",
  ],
});
