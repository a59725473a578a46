/**
 * A deadlock: nothing is ready, no timer is set and no simulated thread is
 * running, so the loop would wait forever. A real event loop would hang;
 * this one stops the run and names each stuck task and what it waits on
 * (the runner prints it, and the sandbox shows it instead of a frozen page).
 */
import type { DeadlockNotice, StuckTask } from "./notices.ts";
import type { Task } from "./task.ts";

/** Thrown out of `loop.runForever()` when the loop would wait forever; `asyncio.run` reports its notice. */
export class Deadlock extends Error {
  /** What the runner prints: the time, and every stuck task with what it waits on. */
  readonly notice: DeadlockNotice;

  /** Made by the loop when it finds it could never wake. */
  constructor(notice: DeadlockNotice) {
    super("deadlock");
    this.notice = notice;
  }
}

/** The deadlock report at loop time `time`, for the tasks still pending. */
export function deadlockNotice(time: number, pending: Iterable<Task<any>>): DeadlockNotice {
  const stuck: StuckTask[] = [];
  for (const t of pending) {
    stuck.push({ name: t._name, coro: t._coro?.qualname ?? "?", waitingOn: t._futWaiter?._waitLabel().text ?? "nothing", line: t._line });
  }
  return { kind: "deadlock", time, stuck };
}
