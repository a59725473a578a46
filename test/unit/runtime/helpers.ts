/**
 * Test helpers for the runtime: run a coroutine body under `asyncio.run` in
 * a fresh session, the way a snippet's `async function main()` runs once the
 * pipeline has rewritten it (`await x` is `yield x`).
 */
import { asyncio, Coroutine, Session, withSession } from "../../../src/runtime/index.ts";

/** Runs `main` as the main task of `asyncio.run` (in `session`, by default a fresh one) and returns what it returns. */
export function runMain<T>(main: () => Generator<unknown, T, unknown>, session: Session = new Session()): T {
  return withSession(session, () => asyncio.run(new Coroutine(main(), "main")));
}

/** What a body threw (fails the test if it did not throw). */
export function* thrown(body: () => Generator<unknown, unknown, unknown>): Generator<unknown, unknown, unknown> {
  try {
    yield* body();
  } catch (e) {
    return e;
  }
  throw new Error("expected the body to throw");
}
