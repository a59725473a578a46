/**
 * Python's `async for`, for snippets: `for await (const x of it)` compiles to
 * `aiter(it)` once and `anext(iterator)` per turn, each awaited. An object
 * is an async iterable if it has Python's `__aiter__` (the runtime's
 * `asCompleted`), or JavaScript's `Symbol.asyncIterator`.
 */
import { Coroutine } from "../core/coroutine.ts";
import { StopAsyncIteration } from "../core/errors.ts";
import { pyTypeName } from "../core/repr.ts";

/** An async iterator in Python's protocol. */
export interface PyAsyncIterator<T> {
  /** The next item, as an awaitable; raises `StopAsyncIteration` at the end. */
  __anext__(): unknown;
}

/** Python's `aiter(obj)`. */
export function aiter<T>(obj: unknown): PyAsyncIterator<T> {
  const o = obj as { __aiter__?: () => PyAsyncIterator<T> } & Partial<AsyncIterable<T>>;
  if (o !== null && typeof o === "object" && typeof o.__aiter__ === "function") return o.__aiter__();
  if (o !== null && typeof o === "object" && typeof o[Symbol.asyncIterator] === "function") {
    const it = (o as AsyncIterable<T>)[Symbol.asyncIterator]();
    return {
      __anext__: () =>
        new Coroutine(
          (function* () {
            const r = (yield it.next()) as IteratorResult<T>;
            if (r.done) throw new StopAsyncIteration();
            return r.value;
          })(),
          "anext",
        ),
    };
  }
  throw new TypeError(`'async for' requires an object with __aiter__ method, got ${pyTypeName(obj)}`);
}

/** One turn of `async for`: awaits `__anext__()`; `{ done: true }` once it raises `StopAsyncIteration`. */
export function anext<T>(it: PyAsyncIterator<T>): Coroutine<IteratorResult<T, undefined>> {
  return new Coroutine(
    (function* () {
      try {
        return { done: false, value: (yield it.__anext__()) as T };
      } catch (e) {
        if (e instanceof StopAsyncIteration) return { done: true, value: undefined };
        throw e;
      }
    })(),
    "anext",
  );
}
