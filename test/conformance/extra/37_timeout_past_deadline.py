"""A timeout whose deadline has already passed (timeout(0), timeout(-1), timeout_at(past)) does not interrupt the body at once: it fires at the body's first suspension (even sleep(0)); a body that never suspends completes and expired() stays False."""
import asyncio
from vclock import run, log, exc_str


async def no_suspend():
    log("no_suspend: runs to the end without awaiting anything real")
    return 1


async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(0) as cm:
        r = await no_suspend()
        log(f"body completed with {r}")
    log(f"timeout(0) without suspension: expired={cm.expired()}")
    for label, cm in (("timeout(-1)", asyncio.timeout(-1)), ("timeout_at(past)", asyncio.timeout_at(loop.time() - 5))):
        try:
            async with cm:
                log(f"{label}: body starts")
                await asyncio.sleep(0)
                log(f"{label}: not reached")
        except TimeoutError as e:
            log(f"{label}: {exc_str(e)} at the first sleep(0), expired={cm.expired()}")
    await asyncio.sleep(1)
    try:
        async with asyncio.timeout(0):
            await asyncio.sleep(1)
    except TimeoutError:
        log("timeout(0) around sleep(1): TimeoutError without any delay")


run(main())
