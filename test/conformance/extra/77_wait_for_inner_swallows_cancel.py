"""If the awaited coroutine catches the timeout's CancelledError and returns a value, wait_for (and timeout()) returns that value instead of raising TimeoutError, after the inner cleanup; timeout().expired() is still True."""
import asyncio
from vclock import run, log


async def stubborn(name):
    try:
        await asyncio.sleep(10)
        return "finished"
    except asyncio.CancelledError:
        log(f"{name}: cancelled, returning a fallback after 0.25 s")
        await asyncio.sleep(0.25)
        return "fallback"


async def main():
    r = await asyncio.wait_for(stubborn("wait_for"), timeout=1)
    log(f"wait_for -> {r!r}")
    async with asyncio.timeout(1) as cm:
        r = await stubborn("timeout")
    log(f"timeout block -> {r!r}, expired={cm.expired()}")
    log(f"cancelling()={asyncio.current_task().cancelling()}")


run(main())
