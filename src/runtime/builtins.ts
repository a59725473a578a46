/**
 * The globals every snippet sees, besides JavaScript's own: Python's
 * `print`, `repr`, `str`, and Python's built-in exception classes.
 */
import { currentSession } from "./core/session.ts";
import { formatPrint, pyRepr, pyStr, splitPrintOptions } from "./python/format.ts";

/**
 * Python's `print(*objects, sep=' ', end='\n')`: values print as Python
 * shows them (`['Alice', 'Bob']`, `{'answer': 42}`, `True`, `None`). Pass
 * `{ sep, end }` as the last argument to change the separators.
 * @example
 * print("Hello", "world");          // Hello world
 * print([1, 2], { sep: ", " });     // [1, 2]
 * print("a", "b", { sep: "-" });    // a-b
 */
export function print(...args: unknown[]): void {
  const { items, sep, end } = splitPrintOptions(args);
  currentSession().write(formatPrint(items, sep, end));
}

/** Python's `repr(obj)`: `repr("hi")` is `'hi'`, `repr([1, "a"])` is `[1, 'a']`. */
export function repr(value: unknown): string {
  return pyRepr(value);
}

/** Python's `str(obj)`: what `print` shows for one value. */
export function str(value: unknown): string {
  return pyStr(value);
}

export {
  BaseException,
  BaseExceptionGroup,
  ConnectionError,
  Exception,
  ExceptionGroup,
  ImportError,
  IndexError,
  KeyError,
  LookupError,
  ModuleNotFoundError,
  NotImplementedError,
  OSError,
  RuntimeError,
  StopAsyncIteration,
  TimeoutError,
  ValueError,
  ZeroDivisionError,
} from "./core/errors.ts";
