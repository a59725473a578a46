"""Queue.get() waiters are served FIFO; a getter cancelled while waiting leaves the queue and the order of the others intact; a getter woken by put() but cancelled before it runs passes the item on to the next getter."""
import asyncio
from vclock import run, log


async def getter(name, q):
    try:
        item = await q.get()
        log(f"{name} got {item!r}")
    except asyncio.CancelledError:
        log(f"{name} cancelled")
        raise


async def main():
    q = asyncio.Queue()
    gs = {n: asyncio.create_task(getter(n, q)) for n in ("G1", "G2", "G3", "G4")}
    await asyncio.sleep(1)
    gs["G2"].cancel()
    await asyncio.sleep(0)
    q.put_nowait("a")
    q.put_nowait("b")
    await asyncio.sleep(1)
    q.put_nowait("c")
    log(f"put 'c' woke G4; cancel G4 before it runs -> {gs['G4'].cancel()}")
    await asyncio.sleep(0)
    log(f"qsize={q.qsize()} (the item was not lost)")
    g5 = asyncio.create_task(getter("G5", q))
    await asyncio.sleep(0)
    log(f"G5 done={g5.done()} qsize={q.qsize()}")


run(main())
