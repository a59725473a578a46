import { defineExercise, inFlight, loopTime, printsInOrder, responses } from "../../../../checks/index.ts";

const HOST = "api.ratelimited.example";

export default defineExercise({
  title: "Spot the bottleneck",
  statement:
    "This program fetches six names from the rate-limited API and takes 6.3 s. Run it and find on the timeline where the time goes. " +
    "Then remove the bottleneck: the run should take at most 2.5 s, and the API must not refuse a single request.",
  predict: {
    kind: "choice",
    prompt: "What makes this run take 6.3 s?",
    options: [
      "The semaphore: it lets only three requests out at a time",
      "`parse`: it blocks the loop on every answer",
      "The `await` inside the `for` loop: each request waits for the one before it",
      "The API: one second per item, and nothing in the code can change that",
    ],
    answer: 2,
    explain:
      "The timeline has one request lane at a time: `main` awaits each item before it asks for the next, so six one-second waits are laid end to end. " +
      "The semaphore's lane never shows a waiter, so it is not holding anyone back; `parse` blocks the loop for 0.05 s per item, 0.3 s of the 6.3. " +
      "The API does take a second per item, but it serves three at a time.",
  },
  checks: [
    loopTime({ atMost: 2.5 }),
    inFlight({ host: HOST, atLeast: 3 }),
    responses("429", { atMost: 0 }),
    printsInOrder(["['item 1', 'item 2', 'item 3', 'item 4', 'item 5', 'item 6']"]),
  ],
  hints: [
    "Hover over the lanes: how many requests are in flight at any moment, and does the semaphore ever have a task waiting?",
    "Awaiting inside a loop finishes each item before the next one starts. To overlap the waits, start them all and then wait for all of them.",
    "Keep the semaphore: with all six started at once, it is what keeps the API from refusing the fourth.",
    "Replace the `for` loop with `const names = await asyncio.gather(...[1, 2, 3, 4, 5, 6].map((id) => fetchName(session, id)));`",
  ],
});
