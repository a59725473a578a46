"""asyncio.timeout(None) never fires and when() is None; reschedule(t) arms, moves or (with None) disarms the deadline while inside the block; a deadline already in the past fires at the next suspension."""
import asyncio
from vclock import run, log, exc_str


async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(None) as cm:
        log(f"timeout(None): when()={cm.when()} expired={cm.expired()}")
        await asyncio.sleep(1)
    log(f"no deadline: completed, expired={cm.expired()}")
    try:
        async with asyncio.timeout(None) as cm:
            cm.reschedule(loop.time() + 0.5)
            log(f"armed: when()={cm.when():.3f}")
            await asyncio.sleep(0.25)
            cm.reschedule(loop.time() + 1)
            log(f"moved later: when()={cm.when():.3f}")
            await asyncio.sleep(5)
    except TimeoutError as e:
        log(f"rescheduled deadline fired: {exc_str(e)} expired={cm.expired()}")
    async with asyncio.timeout(0.5) as cm:
        cm.reschedule(None)
        log(f"disarmed: when()={cm.when()}")
        await asyncio.sleep(2)
    log(f"disarmed block completed, expired={cm.expired()}")
    try:
        async with asyncio.timeout(10) as cm:
            await asyncio.sleep(0.5)
            cm.reschedule(loop.time() - 1)
            log("rescheduled into the past; still running until the next await")
            await asyncio.sleep(0)
            log("not reached")
    except TimeoutError:
        log(f"past deadline fired at the next suspension, expired={cm.expired()}")


run(main())
