/**
 * The world a snippet's type checker sees (tsconfig.snippets.json, and the
 * editor's extra libs): the importable modules are mapped to the runtime's
 * sources by `paths`; these are the globals every snippet has.
 */
import type * as B from "../runtime/builtins.ts";

declare global {
  const print: typeof B.print;
  const repr: typeof B.repr;
  const str: typeof B.str;
  const BaseException: typeof B.BaseException;
  type BaseException = B.BaseException;
  const Exception: typeof B.Exception;
  type Exception = B.Exception;
  const ValueError: typeof B.ValueError;
  type ValueError = B.ValueError;
  const RuntimeError: typeof B.RuntimeError;
  type RuntimeError = B.RuntimeError;
  const KeyError: typeof B.KeyError;
  type KeyError = B.KeyError;
  const IndexError: typeof B.IndexError;
  type IndexError = B.IndexError;
  const LookupError: typeof B.LookupError;
  type LookupError = B.LookupError;
  const ImportError: typeof B.ImportError;
  type ImportError = B.ImportError;
  const ModuleNotFoundError: typeof B.ModuleNotFoundError;
  type ModuleNotFoundError = B.ModuleNotFoundError;
  const NotImplementedError: typeof B.NotImplementedError;
  type NotImplementedError = B.NotImplementedError;
  const StopAsyncIteration: typeof B.StopAsyncIteration;
  type StopAsyncIteration = B.StopAsyncIteration;
  const ZeroDivisionError: typeof B.ZeroDivisionError;
  type ZeroDivisionError = B.ZeroDivisionError;
  const OSError: typeof B.OSError;
  type OSError = B.OSError;
  const ConnectionError: typeof B.ConnectionError;
  type ConnectionError = B.ConnectionError;
  const TimeoutError: typeof B.TimeoutError;
  type TimeoutError = B.TimeoutError;
  const ExceptionGroup: typeof B.ExceptionGroup;
  type ExceptionGroup = B.ExceptionGroup;
  const BaseExceptionGroup: typeof B.BaseExceptionGroup;
  type BaseExceptionGroup = B.BaseExceptionGroup;
}
export {};
