"""An executor with max_workers=2 runs 5 blocking jobs two at a time; queued jobs start in FIFO order as soon as a worker frees up; worker threads only record now(), the loop prints (threads never print at shared instants)."""
import asyncio
import time
from vclock import run, log, now, ThreadPoolExecutor

spans = {}


def blocking(name, secs):
    start = now()
    time.sleep(secs)
    spans[name] = (start, now())
    return name


async def main():
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=2) as pool:
        jobs = [("j0", 1), ("j1", 2), ("j2", 0.5), ("j3", 1), ("j4", 0.25)]
        futs = [loop.run_in_executor(pool, blocking, n, s) for n, s in jobs]
        for fut in asyncio.as_completed(futs):
            log(f"completed {await fut}")
        for name, _ in jobs:
            start, end = spans[name]
            log(f"{name}: ran {start:.3f} -> {end:.3f}")
    r = await asyncio.gather(*(asyncio.to_thread(blocking, f"t{i}", 1) for i in range(3)))
    log(f"to_thread x3 on the default executor (12 workers): {r}, ran {[f'{spans[n][0]:.3f}->{spans[n][1]:.3f}' for n in r]}")


run(main())
