// Call graph (3.14): a task waiting inside asyncio shows asyncio's own frames (function, module, line) under its own:
// sleep (and sleep(0)), Lock/Semaphore via async with or acquire(), Event, Condition, Queue, wait_for, wait, Barrier,
// to_thread.
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

async function sleeper() {
  await asyncio.sleep(5);
}

async function with_lock(lock: asyncio.Lock) {
  await using _ = lock;
}

async function acquire_lock(lock: asyncio.Lock) {
  await lock.acquire();
}

async function with_semaphore(sem: asyncio.Semaphore) {
  await using _ = sem;
}

async function event_wait(ev: asyncio.Event) {
  await ev.wait();
}

async function condition_wait(cond: asyncio.Condition) {
  await using _ = cond;
  await cond.wait();
}

async function queue_get(q: asyncio.Queue<number>) {
  await q.get();
}

async function queue_put(q: asyncio.Queue<number>) {
  await q.put(2);
}

async function queue_join(q: asyncio.Queue<number>) {
  await q.join();
}

async function wait_for_inline() {
  await asyncio.waitFor(sleeper(), 10);
}

async function wait_on(t: asyncio.Task) {
  await asyncio.wait([t]);
}

async function barrier_wait(b: asyncio.Barrier) {
  await b.wait();
}

async function in_thread() {
  await asyncio.toThread(() => null);
}

async function sleep_zero() {
  await asyncio.sleep(0);
}

function frames(task: asyncio.Task): string {
  const g = asyncio.captureCallGraph(task)!;
  const out: string[] = [];
  for (const e of g.callStack) {
    const f = e.frame;
    out.push(f.filename === "snippet.ts" ? f.qualname : `${f.qualname} (${f.filename.split("/").slice(-2).join("/")}:${f.lineno})`);
  }
  return out.join(" <- ");
}

async function main() {
  const lock = new asyncio.Lock();
  await lock.acquire();
  const sem = new asyncio.Semaphore(0);
  const ev = new asyncio.Event();
  const cond = new asyncio.Condition();
  const empty = new asyncio.Queue<number>();
  const full = new asyncio.Queue<number>({ maxsize: 1 });
  full.putNowait(1);
  const barrier = new asyncio.Barrier(2);
  const first = asyncio.createTask(sleeper(), { name: "first" });
  const makers = [sleeper, () => with_lock(lock), () => acquire_lock(lock), () => with_semaphore(sem),
    () => event_wait(ev), () => condition_wait(cond), () => queue_get(empty), () => queue_put(full),
    () => queue_join(full), wait_for_inline, () => wait_on(first), () => barrier_wait(barrier)];
  const tasks = makers.map((m) => asyncio.createTask(m()));
  await asyncio.sleep(1);
  for (const t of tasks) log(`${t.getCoro()!.qualname}: ${frames(t)}`);
  const thread = asyncio.createTask(in_thread());
  await asyncio.sleep(0);
  log(`in_thread: ${frames(thread)}`);
  for (const t of tasks) t.cancel();
  lock.release();
  await asyncio.gather(...tasks, { returnExceptions: true });
  await thread;
  const once = asyncio.createTask(sleep_zero());
  await asyncio.sleep(0);
  log(`sleep_zero: ${frames(once)}`);
  await once;
  log("all done");
}

asyncio.run(main());
