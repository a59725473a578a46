import { blocked, defineExercise, inFlight, loopTime, printsAll, uses } from "../../../../checks/index.ts";

export default defineExercise({
  title: "Five downloads in one second",
  statement:
    "This program downloads five pages one after another with the blocking `requests.get`, so it takes five seconds. " +
    "Rewrite it with aiohttp's client, which awaits instead of blocking, so that the five waits overlap: the whole run should take about one second of loop time, and still print a line for each page.",
  checks: [
    loopTime({ atMost: 1.5 }),
    inFlight({ host: "httpbin.org", atLeast: 5 }),
    blocked(0),
    printsAll(["page 1: 200", "page 2: 200", "page 3: 200", "page 4: 200", "page 5: 200"]),
    uses("aiohttp"),
  ],
  hints: [
    "`requests.get` blocks the event loop: while it waits, nothing else can run. Lesson 1's second playground uses a client that awaits instead.",
    "Open one `aiohttp.ClientSession` with `await using session = new aiohttp.ClientSession();`, and write an `async function download(...)` that awaits `session.get(url)`.",
    "Start all five downloads at once with `await asyncio.gather(...urls.map((url, i) => download(session, i + 1, url)))`.",
  ],
});
