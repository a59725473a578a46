"""uncancel() decrements cancelling() (never below 0) and lets a task that caught CancelledError carry on as not cancelled; since 3.13, when the count drops to 0 it also withdraws a cancel() not yet delivered (3.11: delivered anyway)."""
import asyncio
from vclock import run, log


async def recovers():
    task = asyncio.current_task()
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        log(f"recovers: caught, cancelling()={task.cancelling()} uncancel() -> {task.uncancel()}")
    log(f"recovers: uncancel() again -> {task.uncancel()}")
    await asyncio.sleep(1)
    return "recovered"


async def self_cancel():
    task = asyncio.current_task()
    log(f"self_cancel: cancel() -> {task.cancel()} then uncancel() -> {task.uncancel()}")
    try:
        await asyncio.sleep(0.5)
        log("self_cancel: the undelivered cancel was withdrawn")
    except asyncio.CancelledError:
        log("self_cancel: CancelledError delivered anyway")
    return task.cancelling()


async def main():
    t = asyncio.create_task(recovers())
    await asyncio.sleep(1)
    t.cancel()
    log(f"await -> {await t!r}, cancelled={t.cancelled()} cancelling()={t.cancelling()}")
    t = asyncio.create_task(self_cancel())
    log(f"self_cancel -> cancelling()={await t} cancelled={t.cancelled()}")


run(main())
