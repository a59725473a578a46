import { defineExercise, loopTime, printsExactly, runs, uses } from "../../../../checks/index.ts";

export default defineExercise({
  title: "Keep the good titles",
  statement:
    "Two of these four pages fail, and the first failure takes the whole scraper down with it: no title is printed. " +
    "Make `gather` hand back every outcome instead, so the program prints one line per page, in the order of `pages`, still fetching them all at once.",
  checks: [
    runs(),
    printsExactly([
      "https://www.python.org/: Welcome to Python.org",
      "https://refused.example/ failed: Cannot connect to host refused.example:443 ssl:default [Connect call failed ('192.0.2.1', 443)]",
      "https://docs.python.org/3/library/asyncio.html: asyncio — Asynchronous I/O — Python 3.14 documentation",
      "https://pypi.org/no-such-page failed: 404, message='Not Found', url='https://pypi.org/no-such-page'",
    ]),
    loopTime({ atMost: 1.2 }),
    uses("returnExceptions"),
  ],
  hints: [
    "By default, `gather` raises the first error any of its tasks raises, and the results of the others are lost to `main`.",
    "The loop at the end of `main` already knows what to do with an error in the list: it only needs `gather` to put the errors there.",
    "Pass `{ returnExceptions: true }` as the last argument of `gather`, after the coroutines.",
  ],
});
