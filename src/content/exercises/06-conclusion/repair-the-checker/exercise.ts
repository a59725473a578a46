import { defineExercise, inFlight, loopTime, noWarnings, printsInOrder, responses, runs } from "../../../../checks/index.ts";

export default defineExercise({
  title: "Repair the checker",
  statement:
    "This link checker breaks four of the five rules, and crashes before it prints a line. " +
    "Repair it one rule at a time, until it runs to the end with a line for every URL, never gets a `429`, is done within 4 s of loop time, and posts its summary without a warning.",
  checks: [
    runs(),
    responses("429", { atMost: 0 }),
    inFlight({ host: "api.ratelimited.example", atMost: 3 }),
    loopTime({ atMost: 4 }),
    noWarnings(),
    responses("200", { atLeast: 5 }),
    printsInOrder(["posted: 7 URLs checked"]),
  ],
  hints: [
    "Fix what the run shows first: it stops at the first error. Which rule says what one failing URL should cost?",
    "Handle errors per task: in `check`, catch `aiohttp.ClientError` and return a line for that URL instead. Run again and read the checks: the API refuses requests, and one request waits five minutes for aiohttp's default deadline.",
    "Bound the API requests with `new asyncio.Semaphore(3)`, and give every request a deadline: `new aiohttp.ClientSession({ timeout: new aiohttp.ClientTimeout({ total: 2 }) })`. When it runs out, the request raises `TimeoutError`: catch that in `check` too.",
    "Last, the warning: `notify(...)` makes a coroutine that nobody awaits. Put `await` in front of it.",
  ],
});
