"""timeout() converts only its own cancellation: a cancel() from outside during the block passes through as CancelledError (with its message), also when the deadline then fires during the cleanup (expired() is True, and that second cancellation's message-less CancelledError is what propagates)."""
import asyncio
from vclock import run, log, exc_str


async def in_timeout(cleanup):
    try:
        async with asyncio.timeout(1.5) as cm:
            try:
                await asyncio.sleep(10)
            finally:
                await asyncio.sleep(cleanup)
    except TimeoutError:
        log("in_timeout: TimeoutError")
    except asyncio.CancelledError as e:
        log(f"in_timeout(cleanup={cleanup}): {exc_str(e)} passes through, expired={cm.expired()}")
        raise


async def main():
    for cleanup in (0, 1):
        t = asyncio.create_task(in_timeout(cleanup))
        await asyncio.sleep(1)
        t.cancel("from main")
        await asyncio.gather(t, return_exceptions=True)
        log(f"task cancelled={t.cancelled()}")


run(main())
