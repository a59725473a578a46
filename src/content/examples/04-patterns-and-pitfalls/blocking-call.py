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
    time.sleep(2)  # think: a slow library call, a big file read, heavy computation
    return "done"


async def main():
    ticks = asyncio.create_task(ticker())
    await asyncio.sleep(0.8)
    result = blocking_task()  # called straight from a coroutine: the loop stops
    print(f"{result} at {elapsed()} s")
    await ticks


asyncio.run(main())
