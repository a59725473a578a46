"""A task may catch CancelledError and go on: it is then not cancelled(), finishes with its own result, and cancelling() stays 1 (it never called uncancel()); a caller awaiting it gets that result."""
import asyncio
from vclock import run, log


async def stubborn():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        log(f"stubborn: caught CancelledError, cancelling()={asyncio.current_task().cancelling()}")
    await asyncio.sleep(1)
    log("stubborn: finished anyway")
    return "kept going"


async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(1)
    log(f"cancel() -> {t.cancel()}")
    r = await t
    log(f"await t -> {r!r}; cancelled={t.cancelled()} cancelling()={t.cancelling()}")
    log(f"cancel() on the finished task -> {t.cancel()}")
    t2 = asyncio.create_task(stubborn())
    await asyncio.sleep(1)
    t2.cancel()
    await asyncio.sleep(0.5)
    log(f"second cancel() while it sleeps again -> {t2.cancel()} cancelling()={t2.cancelling()}")
    try:
        await t2
    except asyncio.CancelledError:
        log(f"t2 cancelled={t2.cancelled()} after the second cancel")


run(main())
