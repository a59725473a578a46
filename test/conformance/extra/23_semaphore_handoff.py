"""Semaphore.release() hands the unit straight to the first waiter, so locked() stays True (unlike Lock); a newcomer cannot barge in and queues; acquire order is FIFO."""
import asyncio
from vclock import run, log


async def user(name, sem, hold):
    log(f"{name} wants it (locked={sem.locked()})")
    async with sem:
        log(f"{name} acquired")
        await asyncio.sleep(hold)
    log(f"{name} released (locked={sem.locked()})")


async def main():
    sem = asyncio.Semaphore(1)
    a = asyncio.create_task(user("A", sem, 1))
    b = asyncio.create_task(user("B", sem, 1))
    await asyncio.sleep(0.5)
    log(f"main: locked={sem.locked()}")
    await asyncio.sleep(0.75)
    c = asyncio.create_task(user("C", sem, 0.25))
    await asyncio.gather(a, b, c)
    log(f"final locked={sem.locked()}")
    lock = asyncio.Lock()
    await lock.acquire()
    w = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    lock.release()
    log(f"Lock for contrast: right after release locked={lock.locked()}")
    await w
    log(f"after the waiter ran: locked={lock.locked()}")


run(main())
