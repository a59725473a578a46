"""Queue.join() returns once task_done() was called for every item put (not when the queue is merely empty); join() with nothing unfinished returns at once; one task_done() too many raises ValueError."""
import asyncio
from vclock import run, log, exc_str


async def worker(name, q):
    while True:
        item = await q.get()
        log(f"{name} got {item}")
        await asyncio.sleep(item)
        log(f"{name} finished {item}")
        q.task_done()


async def main():
    q = asyncio.Queue()
    await q.join()
    log("join() on a fresh queue returned at once")
    for item in (1, 0.5, 2, 0.25):
        q.put_nowait(item)
    ws = [asyncio.create_task(worker(n, q)) for n in ("w1", "w2")]
    await asyncio.sleep(1.125)
    log(f"empty={q.empty()} but join() still waits")
    await q.join()
    log(f"join() returned, qsize={q.qsize()}")
    for w in ws:
        w.cancel()
    try:
        q.task_done()
    except ValueError as e:
        log(f"extra task_done(): {exc_str(e)}")


run(main())
