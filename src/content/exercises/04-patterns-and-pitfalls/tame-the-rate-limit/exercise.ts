import { defineExercise, held, inFlight, loopTime, printsExactly, responses } from "../../../../checks/index.ts";

const HOST = "api.ratelimited.example";

export default defineExercise({
  title: "Nine items, no refusals",
  statement:
    "This program asks the rate-limited API for nine items at once, and six of them are refused with `429`. " +
    "Bound it with a semaphore so that every item arrives, no more than three requests are ever in flight, and the run still takes no longer than three seconds.",
  checks: [
    responses("429", { atMost: 0 }),
    inFlight({ host: HOST, atMost: 3 }),
    held("semaphore", { atMost: 3 }),
    loopTime({ atMost: 3 }),
    printsExactly(Array.from({ length: 9 }, (_, i) => `item ${i + 1}`)),
  ],
  hints: [
    "On the timeline all nine requests leave at 0 s. The API serves three at a time; the other six are turned away after 0.1 s.",
    "A semaphore made with `new asyncio.Semaphore(3)` lets three tasks in at once; the fourth waits in line until one of them leaves. Make it once, outside the function, so that every task shares it.",
    "Enter it at the top of `fetchName` with `await using _ = limit;` (Python: `async with limit:`), before the request.",
    "Add `const limit = new asyncio.Semaphore(3);` under `API`, and `await using _ = limit;` as the first line of `fetchName`.",
  ],
});
