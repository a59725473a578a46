"""A TaskGroup whose parent task is cancelled from outside cancels its children, waits for them, and re-raises CancelledError (no ExceptionGroup); under timeout() the same cancellation becomes TimeoutError."""
import asyncio
from vclock import run, log, exc_str


async def child(name, delay):
    try:
        await asyncio.sleep(delay)
        log(f"{name} done")
    except asyncio.CancelledError:
        log(f"{name} cancelled")
        raise


async def parent():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("c1", 1))
            tg.create_task(child("c2", 3))
    except BaseException as e:
        log(f"parent: group raised {exc_str(e)}")
        raise


async def main():
    p = asyncio.create_task(parent())
    await asyncio.sleep(2)
    p.cancel()
    await asyncio.gather(p, return_exceptions=True)
    log(f"parent cancelled={p.cancelled()}")
    try:
        async with asyncio.timeout(1.5):
            async with asyncio.TaskGroup() as tg:
                tg.create_task(child("c3", 1))
                tg.create_task(child("c4", 3))
    except TimeoutError as e:
        log(f"timeout around the group -> {exc_str(e)}")


run(main())
