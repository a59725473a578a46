/**
 * How the runtime's own modules reach a loop's session and hooks
 * (`sessionOf`, `hooksOf`): truly private `#` fields of `EventLoop`, read
 * through these two functions, which no snippet module exports. A snippet
 * holds loops, so an underscore name would have let it rewrite its own
 * budgets or feed the trace's hooks crafted objects.
 *
 * A module of its own so that `future.ts` can read a loop's session
 * without importing `loop.ts`, which imports `task.ts`, whose `Task`
 * extends `Future`: whichever of them a program imports first, `Future`
 * is defined before anything extends it.
 * @internal
 */
import type { Hooks } from "./instrument.ts";
import type { EventLoop } from "./loop.ts";
import type { Session } from "./session.ts";

/** @internal The loop's session (set once, by `EventLoop`'s static block). */
export let sessionOf: (loop: EventLoop) => Session;
/** @internal The loop's hooks. See `sessionOf`. */
export let hooksOf: (loop: EventLoop) => Hooks;

/** @internal Called once, by `EventLoop`, with the readers of its private fields. */
export function grantLoopAccess(session: (loop: EventLoop) => Session, hooks: (loop: EventLoop) => Hooks): void {
  if (sessionOf !== undefined) throw new Error("loop access is granted once");
  sessionOf = session;
  hooksOf = hooks;
}
