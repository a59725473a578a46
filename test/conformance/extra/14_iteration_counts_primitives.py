"""Iteration counts: Event.set, Queue.put and Lock.release only schedule the waiter, which runs on the next iteration; right after release() locked() is False, yet an immediate re-acquire queues behind the woken waiter."""
import asyncio
from vclock import run, log


async def ticker(n):
    for i in range(n):
        log(f"tick {i}")
        await asyncio.sleep(0)


async def woke(name, aw):
    log(f"{name}: woke with {await aw!r}")


async def on_lock(lock):
    async with lock:
        log("W: got the lock")
    log(f"W: released (locked={lock.locked()})")


async def main():
    lock, ev, q = asyncio.Lock(), asyncio.Event(), asyncio.Queue()
    await lock.acquire()
    ws = [asyncio.create_task(woke("E", ev.wait())), asyncio.create_task(woke("G", q.get())), asyncio.create_task(on_lock(lock))]
    await asyncio.sleep(0)
    tk = asyncio.create_task(ticker(4))
    ev.set()
    q.put_nowait("item")
    lock.release()
    log(f"set/put/release done: waiters done={[w.done() for w in ws]} locked={lock.locked()}")
    await lock.acquire()
    log("main: re-acquired the lock")
    lock.release()
    await asyncio.gather(tk, *ws)


run(main())
