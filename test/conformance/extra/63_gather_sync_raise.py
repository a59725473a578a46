"""A coroutine that raises before its first await fails only when its task first runs (next iteration), not at the gather() call; its siblings have started by then and keep running; gather() of a non-awaitable raises TypeError, yet the coroutines before it were already wrapped in tasks that run."""
import asyncio
from vclock import run, log, exc_str


async def raises_at_once():
    log("raises_at_once: body starts")
    raise ValueError("sync failure")


async def slow(name):
    log(f"{name} starts")
    await asyncio.sleep(1)
    log(f"{name} done")
    return name


async def main():
    g = asyncio.gather(slow("A"), raises_at_once(), slow("B"))
    log(f"gather() returned, done={g.done()}")
    try:
        await g
    except ValueError as e:
        log(f"await gather -> {exc_str(e)}")
    await asyncio.sleep(1.5)
    try:
        asyncio.gather(slow("orphan"), 42)
    except TypeError as e:
        log(f"gather(coro, 42): {exc_str(e)}")
    await asyncio.sleep(1.5)


run(main())
