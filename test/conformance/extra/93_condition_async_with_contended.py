"""Condition as a context manager: a task entering `async with cond` while another holds it waits for the condition's lock, then enters; a wait() inside still works."""
import asyncio
from vclock import run, log


async def worker(name, cond):
    async with cond:
        log(f"{name} in, locked={cond.locked()}")
        await asyncio.sleep(0.5)
        log(f"{name} out")


async def notifier(cond):
    await asyncio.sleep(0.25)
    async with cond:
        log("notifier in")
        cond.notify_all()


async def main():
    cond = asyncio.Condition()
    waiting = asyncio.create_task(notifier(cond))
    await asyncio.gather(worker("A", cond), worker("B", cond), waiting)
    async with cond:
        t = asyncio.create_task(notifier(cond))
        r = await cond.wait()
        log(f"woke -> {r}, locked={cond.locked()}")
    await t
    log(f"done, locked={cond.locked()}")


run(main())
