import { blocked, defineExercise, late, printsAll, printsInOrder, uses } from "../../../../checks/index.ts";

export default defineExercise({
  title: "Keep the heartbeat",
  statement:
    "A heartbeat should print every half second while two files are checked, but it stops for two seconds, then comes back late. " +
    "Keep `checksum` as it is (it is a blocking call), but run it so that the loop is never blocked and every beat comes on time.",
  checks: [
    blocked(0),
    late(0),
    printsInOrder(["beat 1 at 0.0 s", "beat 2 at 0.5 s", "beat 3 at 1.0 s", "beat 4 at 1.5 s", "beat 5 at 2.0 s"]),
    printsAll(["photos.zip: checksum ok", "music.zip: checksum ok"]),
    uses("executor"),
  ],
  hints: [
    "On the timeline, the loop is blocked from 0 s to 2 s, inside `checksum`. The heartbeat's timer comes due at 0.5 s, but nobody can wake it.",
    "A blocking function can run on a worker thread while the coroutine that asked for it awaits the result, like any other wait.",
    "`await asyncio.toThread(fn, ...args)` (Python: `asyncio.to_thread`) runs `fn(...args)` on the thread pool and gives back its result.",
    "In `checkFiles`, write `const result = await asyncio.toThread(checksum, file);`",
  ],
});
