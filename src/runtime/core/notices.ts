/**
 * What Python writes to stderr without the program asking: warnings
 * ("coroutine ... was never awaited"), the loop's exception handler ("Task
 * exception was never retrieved", "Exception in callback ..."), and our
 * deadlock report. Each is kept as data so it can be shown in Python's own
 * words (CLI, output panel) or as the oracle's one-line `WARN ...` form
 * (conformance tests).
 */

/** A Python warning, e.g. `RuntimeWarning: coroutine 'greet' was never awaited`. */
export interface WarningNotice {
  /** Discriminant. */
  readonly kind: "warning";
  /** The warning's class, e.g. "RuntimeWarning". */
  readonly category: string;
  /** What it says, e.g. "coroutine 'greet' was never awaited". */
  readonly message: string;
  /** Snippet line the warning is attributed to (0 if unknown). */
  readonly line: number;
}

/** A call of the loop's default exception handler (`loop.call_exception_handler`). */
export interface HandlerNotice {
  /** Discriminant. */
  readonly kind: "handler";
  /** The context's message, e.g. "Task exception was never retrieved". */
  readonly message: string;
  /** `task=<name> coro=<qualname>()` when the context names a task. */
  readonly task?: { readonly name: string; readonly coro: string; readonly repr: string };
  /** The future's type name when the context names a plain future. */
  readonly future?: string;
  /** The exception as Python's traceback's last line: `ValueError: bad input`. */
  readonly exception?: string;
}

/** One task that can never run again, and what it waits on. */
export interface StuckTask {
  /** The task's name, e.g. "Task-2". */
  readonly name: string;
  /** Its coroutine's qualified name. */
  readonly coro: string;
  /** What it waits on, as the timeline labels it ("Semaphore(3)", "Queue.get()"...). */
  readonly waitingOn: string;
  /** The snippet line it is paused at. */
  readonly line: number;
}

/** Every task waits on something that can never happen. */
export interface DeadlockNotice {
  /** Discriminant. */
  readonly kind: "deadlock";
  /** Loop time at which the loop found it could never wake. */
  readonly time: number;
  /** Every task still pending, in creation order. */
  readonly stuck: readonly StuckTask[];
}

/** Anything the runtime says on its own: a warning, a loop message, a deadlock. */
export type Notice = WarningNotice | HandlerNotice | DeadlockNotice;

/** The notice as Python would print it on stderr (readable, several lines). */
export function noticeText(n: Notice, file = "snippet.ts"): string {
  switch (n.kind) {
    case "warning":
      return `${n.line > 0 ? `${file}:${n.line}: ` : ""}${n.category}: ${n.message}`;
    case "handler": {
      const lines = [n.message];
      if (n.task) lines.push(`task: ${n.task.repr}`);
      else if (n.future) lines.push(`future: <${n.future}>`);
      if (n.exception !== undefined) lines.push(n.exception);
      return lines.join("\n");
    }
    case "deadlock": {
      const lines = [`DEADLOCK at ${n.time.toFixed(3)} s: no task can ever run again (nothing is ready, no timer is set, no thread is running).`];
      for (const s of n.stuck) {
        lines.push(`  ${s.name} (${s.coro}) waits on ${s.waitingOn}${s.line > 0 ? `, at line ${s.line}` : ""}`);
      }
      return lines.join("\n");
    }
  }
}

/** The oracle's one-line form (see the oracle README's output format). */
export function noticeOracleLine(n: Notice): string {
  switch (n.kind) {
    case "warning":
      return n.category === "RuntimeWarning" ? `WARN ${n.message}` : `WARN ${n.category}: ${n.message}`;
    case "handler": {
      const parts = [n.message];
      if (n.task) parts.push(`task=${n.task.name} coro=${n.task.coro}()`);
      else if (n.future) parts.push(n.future);
      if (n.exception !== undefined) parts.push(n.exception);
      return `WARN ${parts.join(" | ")}`;
    }
    case "deadlock":
      return `${n.time.toFixed(3)} DEADLOCK: no ready callback, no timer and no running thread`;
  }
}
