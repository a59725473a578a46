"""Since 3.12 wait_for() runs a coroutine inside the caller's own task (it is built on timeout()): the body starts at once, without a loop iteration, current_task() is the caller, and no task (no Task-N number) is created."""
import asyncio
from vclock import run, log


async def ticker(n):
    for i in range(n):
        log(f"tick {i}")
        await asyncio.sleep(0)


async def body():
    log(f"body runs in {asyncio.current_task().get_name()}")
    await asyncio.sleep(0.5)
    return "ok"


async def main():
    tk = asyncio.create_task(ticker(3))
    await asyncio.sleep(0)
    log("main calls wait_for(body(), 1)")
    r = await asyncio.wait_for(body(), 1)
    log(f"wait_for -> {r}")
    t = asyncio.create_task(body())
    log(f"next unnamed task is {t.get_name()}")
    await t
    await tk


run(main())
