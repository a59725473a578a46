import asyncio
import time

start = time.monotonic()


def elapsed():
    return f"{time.monotonic() - start:.1f}"


async def ticker():
    for i in range(1, 7):
        await asyncio.sleep(0.5)
        print(f"tick {i} at {elapsed()} s")


def blocking_task():
    time.sleep(2)  # blocks only the worker thread it runs on
    return "done"


async def run_blocking():
    ticks = asyncio.create_task(ticker())
    await asyncio.sleep(0.8)
    loop = asyncio.get_running_loop()
    # None means the loop's default thread pool.
    result = await loop.run_in_executor(None, blocking_task)
    print(f"{result} at {elapsed()} s")
    await ticks


asyncio.run(run_blocking())
