import { defineExercise, loopTime, printsExactly, responses } from "../../../../checks/index.ts";

export default defineExercise({
  title: "Four titles, one wait",
  statement:
    "This scraper now has a fourth page, and it fetches the pages one after another: 2.7 s in all. " +
    "Make it fetch all four at once over its one session, so that the run takes no longer than the slowest page, and print the titles in the order of `pages`.",
  checks: [
    loopTime({ atMost: 1.2 }),
    responses("200", { atLeast: 4 }),
    printsExactly(["['Welcome to Python.org', 'asyncio — Asynchronous I/O — Python 3.14 documentation', 'PyPI · The Python Package Index', 'Example Domain']"]),
  ],
  hints: [
    "On the timeline, each request starts only when the one before it has answered: the `await` inside the `for` loop waits for each page before asking for the next.",
    "`gather` runs its coroutines as tasks at the same time, and returns their results in argument order, not in the order they finish.",
    "Replace the loop with `const titles = await asyncio.gather(...pages.map((url) => pageTitle(session, url)));`",
  ],
});
