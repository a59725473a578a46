"""TaskGroup cancelled from outside while a child's cleanup fails: the group raises ExceptionGroup (not CancelledError); since 3.13 it then re-cancels the parent, which gets CancelledError at its next await (3.11: the parent carried on)."""
import asyncio
from vclock import run, log, exc_str


async def bad_cleanup():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        log("child: cancelled, cleanup raises KeyError")
        raise KeyError("cleanup")


async def parent():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(bad_cleanup())
            await asyncio.sleep(5)
    except* KeyError as eg:
        log(f"parent: group raised {[exc_str(e) for e in eg.exceptions]}, cancelling()={asyncio.current_task().cancelling()}")
    try:
        await asyncio.sleep(1)
        log("parent: carries on normally")
    except asyncio.CancelledError:
        log("parent: cancelled again at its next await")
        raise


async def main():
    p = asyncio.create_task(parent())
    await asyncio.sleep(1)
    p.cancel()
    await asyncio.gather(p, return_exceptions=True)
    log(f"parent cancelled={p.cancelled()}")


run(main())
