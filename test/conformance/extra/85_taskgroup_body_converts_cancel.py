"""TaskGroup: a failing child cancels the body; if the body turns that CancelledError into another exception, both land in the ExceptionGroup, the child's error first, the body's last."""
import asyncio
from vclock import run, log, exc_str


async def fail_soon():
    await asyncio.sleep(0.5)
    log("child raising ValueError")
    raise ValueError("child")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_soon())
            try:
                await asyncio.sleep(5)
            except asyncio.CancelledError:
                log("body: cancelled by the failing child, raises KeyError")
                raise KeyError("body")
    except ExceptionGroup as eg:
        log(f"{exc_str(eg)} -> {[exc_str(e) for e in eg.exceptions]}")
    log(f"main cancelling()={asyncio.current_task().cancelling()}")


run(main())
