import { defineExercise, loopTime, printsExactly, responses, uses } from "../../../../checks/index.ts";

export default defineExercise({
  title: "Give up on the silent mirror",
  statement:
    "One of three mirrors never answers, so this report waits for aiohttp's own deadline: five minutes of loop time. " +
    "Give each request one second at most, so the silent mirror is reported as `no answer` and the whole report is done in a second.",
  checks: [
    loopTime({ atMost: 1 }),
    printsExactly(["https://pypi.org/: 200", "https://blackhole.example/: no answer", "https://www.python.org/: 200"]),
    responses("200", { atLeast: 2 }),
    uses("timeout"),
  ],
  hints: [
    "On the timeline, the request to `blackhole.example` waits 300 s, until aiohttp's default deadline of five minutes runs out. Nothing in the program gives up sooner.",
    "`probe` already turns a `TimeoutError` into `no answer`. What it lacks is a deadline that raises one in time.",
    "`await asyncio.waitFor(aw, 1)` (Python: `asyncio.wait_for`) waits at most one second for `aw`, then cancels it and raises `TimeoutError`.",
    "Write `const resp = await asyncio.waitFor(session.get(url), 1);` in `probe`. (A per-request `{ timeout: new aiohttp.ClientTimeout({ total: 1 }) }` works too.)",
  ],
});
