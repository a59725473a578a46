/** What every implementation the bench measures gives it: a run to repeat. */

/** One run of a workload: seconds in its timed region, whether its check held, what it produced. */
export interface Run {
  seconds: number;
  ok: boolean;
  /** The virtual clock at the end (the runtime's W4 check), or null where there is none. */
  virtualEnd: number | null;
  /** Trace events written (0 untraced). */
  events: number;
}

/** A workload at one size, ready to run again and again (its input drawn, its code compiled). */
export type Runner = () => Run | Promise<Run>;
