"""Call graph (3.14): a task waiting inside asyncio shows asyncio's own frames (function, module, line) under its own: sleep (and sleep(0)), Lock/Semaphore via async with or acquire(), Event, Condition, Queue, wait_for, wait, Barrier, to_thread."""
# requires: Python 3.14 (asyncio.capture_call_graph)
import asyncio
from vclock import run, log, exc_str


async def sleeper():
    await asyncio.sleep(5)


async def with_lock(lock):
    async with lock:
        pass


async def acquire_lock(lock):
    await lock.acquire()


async def with_semaphore(sem):
    async with sem:
        pass


async def event_wait(ev):
    await ev.wait()


async def condition_wait(cond):
    async with cond:
        await cond.wait()


async def queue_get(q):
    await q.get()


async def queue_put(q):
    await q.put(2)


async def queue_join(q):
    await q.join()


async def wait_for_inline():
    await asyncio.wait_for(sleeper(), 10)


async def wait_on(t):
    await asyncio.wait([t])


async def barrier_wait(b):
    await b.wait()


async def in_thread():
    await asyncio.to_thread(lambda: None)


async def sleep_zero():
    await asyncio.sleep(0)


def frames(task):
    g = asyncio.capture_call_graph(task)
    out = []
    for e in g.call_stack:
        code = e.frame.f_code
        if code.co_filename == __file__:
            out.append(code.co_qualname)
        else:
            out.append(f"{code.co_qualname} ({code.co_filename.split('/')[-2]}/{code.co_filename.split('/')[-1]}:{e.frame.f_lineno})")
    return " <- ".join(out)


async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    sem = asyncio.Semaphore(0)
    ev = asyncio.Event()
    cond = asyncio.Condition()
    empty = asyncio.Queue()
    full = asyncio.Queue(maxsize=1)
    full.put_nowait(1)
    barrier = asyncio.Barrier(2)
    first = asyncio.create_task(sleeper(), name="first")
    makers = [sleeper, lambda: with_lock(lock), lambda: acquire_lock(lock), lambda: with_semaphore(sem),
              lambda: event_wait(ev), lambda: condition_wait(cond), lambda: queue_get(empty), lambda: queue_put(full),
              lambda: queue_join(full), wait_for_inline, lambda: wait_on(first), lambda: barrier_wait(barrier)]
    tasks = [asyncio.create_task(m()) for m in makers]
    await asyncio.sleep(1)
    for t in tasks:
        log(f"{t.get_coro().__qualname__}: {frames(t)}")
    thread = asyncio.create_task(in_thread())
    await asyncio.sleep(0)
    log(f"in_thread: {frames(thread)}")
    for t in tasks:
        t.cancel()
    lock.release()
    await asyncio.gather(*tasks, return_exceptions=True)
    await thread
    once = asyncio.create_task(sleep_zero())
    await asyncio.sleep(0)
    log(f"sleep_zero: {frames(once)}")
    await once
    log("all done")


run(main())
