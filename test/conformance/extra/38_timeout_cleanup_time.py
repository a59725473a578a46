"""wait_for and timeout() raise TimeoutError only after the cancelled work has finished its cleanup: with 0.5 s of cleanup the caller sees the TimeoutError at deadline + 0.5."""
import asyncio
from vclock import run, log, exc_str


async def work(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log(f"{name}: cancelled, cleaning up for 0.5 s")
        await asyncio.sleep(0.5)
        log(f"{name}: cleanup done")
        raise


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        await asyncio.wait_for(work("wait_for"), timeout=1)
    except TimeoutError as e:
        log(f"wait_for(timeout=1) -> {exc_str(e)} after {loop.time() - start:.3f} s")
    start = loop.time()
    try:
        async with asyncio.timeout(1):
            await work("timeout")
    except TimeoutError as e:
        log(f"timeout(1) -> {exc_str(e)} after {loop.time() - start:.3f} s")
    t = asyncio.create_task(work("task"))
    start = loop.time()
    try:
        await asyncio.wait_for(t, timeout=1)
    except TimeoutError:
        log(f"wait_for(task, 1) -> TimeoutError after {loop.time() - start:.3f} s, task cancelled={t.cancelled()}")


run(main())
