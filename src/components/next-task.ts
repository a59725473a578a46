/**
 * Lets the page breathe (input, a frame) between two pieces of work, each
 * then a task of its own: `scheduler.yield()` where the browser has it (the
 * work goes on before other queued tasks), else a zero timeout.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((done) => setTimeout(done, 0));
}
