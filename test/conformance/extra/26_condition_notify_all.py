"""Condition: notify_all() wakes every waiter, but each must re-acquire the lock, so they resume one at a time in FIFO order; notify(1) wakes only the first; wait() returns True."""
import asyncio
from vclock import run, log


async def waiter(name, cond):
    async with cond:
        log(f"{name} waiting")
        r = await cond.wait()
        log(f"{name} woke -> {r}, holds the lock")
        await asyncio.sleep(0.5)
        log(f"{name} releasing")


async def main():
    cond = asyncio.Condition()
    ws = [asyncio.create_task(waiter(n, cond)) for n in ("W1", "W2", "W3")]
    await asyncio.sleep(1)
    async with cond:
        log("notify(1)")
        cond.notify(1)
        await asyncio.sleep(0.25)
        log("main releases after notify(1)")
    await asyncio.sleep(1)
    async with cond:
        log("notify_all()")
        cond.notify_all()
        await asyncio.sleep(0.25)
        log("main releases after notify_all()")
    await asyncio.gather(*ws)
    log(f"all done, locked={cond.locked()}")


run(main())
