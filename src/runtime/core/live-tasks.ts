/**
 * The loop's tasks that are not done yet, in creation order (what
 * Python's `asyncio.all_tasks()` returns, and what `asyncio.run` cancels
 * at the end).
 *
 * Python keeps them in a `WeakSet`. A JavaScript `Set` would do, but it
 * pays a hash insert and delete for every task, and a run creates tens of
 * thousands of tasks while `allTasks()` is rarely asked. So tasks are
 * appended to an array and a finished one is only counted; the array is
 * compacted when finished tasks outnumber live ones, which keeps every
 * operation O(1) amortized and the array at most about twice the live count.
 */
import type { Task } from "./task.ts";

/** The pending tasks of one loop (see the module comment). */
export class LiveTasks {
  // Invariant: `live` is the number of tasks in `tasks` that are not done; the others are done and only await compaction.
  private tasks: Task<any>[] = [];
  private live = 0;

  /** Number of tasks not done yet. */
  get size(): number {
    return this.live;
  }

  /** Adds a new (pending) task. */
  add(task: Task<any>): void {
    if (this.tasks.length >= 2 * this.live + 64) this.tasks = this.pending();
    this.tasks.push(task);
    this.live++;
  }

  /** Counts `task` as done (it stays in the array until the next compaction). */
  remove(_task: Task<any>): void {
    this.live--;
  }

  /** The tasks not done yet, in creation order. */
  pending(): Task<any>[] {
    return this.live === 0 ? [] : this.tasks.filter((t) => !t.done());
  }

  /** The pending tasks, in creation order. */
  [Symbol.iterator](): Iterator<Task<any>> {
    return this.pending()[Symbol.iterator]();
  }
}
