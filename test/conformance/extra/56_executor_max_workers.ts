// An executor with max_workers=2 runs 5 blocking jobs two at a time; queued jobs start in FIFO order as soon as a worker
// frees up; worker threads only record now(), the loop prints (threads never print at shared instants).
import * as asyncio from "asyncio";
import * as time from "time";

const log = (msg: string) => print(`${time.monotonic().toFixed(3)} ${msg}`);

const spans: Record<string, [number, number]> = {};

function blocking(name: string, secs: number) {
  const start = time.monotonic();
  time.sleep(secs);
  spans[name] = [start, time.monotonic()];
  return name;
}

async function main() {
  const loop = asyncio.getRunningLoop();
  {
    // Python: `with ThreadPoolExecutor(max_workers=2) as pool:` — its exit is shutdown(wait=True); every job is done by then.
    const pool = new asyncio.ThreadPoolExecutor(2);
    const jobs: [string, number][] = [["j0", 1], ["j1", 2], ["j2", 0.5], ["j3", 1], ["j4", 0.25]];
    const futs = jobs.map(([n, s]) => loop.runInExecutor(pool, blocking, n, s));
    for (const fut of asyncio.asCompleted(futs)) {
      log(`completed ${await fut}`);
    }
    for (const [name] of jobs) {
      const [start, end] = spans[name];
      log(`${name}: ran ${start.toFixed(3)} -> ${end.toFixed(3)}`);
    }
    pool.shutdown();
  }
  const r = await asyncio.gather(...[0, 1, 2].map((i) => asyncio.toThread(blocking, `t${i}`, 1)));
  log(`to_thread x3 on the default executor (12 workers): ${str(r)}, ran ${str(r.map((n) => `${spans[n][0].toFixed(3)}->${spans[n][1].toFixed(3)}`))}`);
}

asyncio.run(main());
