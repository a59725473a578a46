"""Condition (current Python): a waiter notified by notify(1) but cancelled before it runs passes the notification on to the next waiter (in 3.11 the notification was lost and the other waiter slept on)."""
import asyncio
from vclock import run, log


async def waiter(name, cond):
    try:
        async with cond:
            await cond.wait()
            log(f"{name} woke")
    except asyncio.CancelledError:
        log(f"{name} cancelled")
        raise


async def main():
    cond = asyncio.Condition()
    a = asyncio.create_task(waiter("A", cond))
    b = asyncio.create_task(waiter("B", cond))
    await asyncio.sleep(1)
    async with cond:
        cond.notify(1)
        log(f"notify(1) woke A; cancel A before it runs -> {a.cancel()}")
    done, pending = await asyncio.wait([a, b], timeout=1)
    log(f"wait([a, b], timeout=1) returned: B woke={b in done and not b.cancelled()}")
    for t in pending:
        t.cancel()


run(main())
