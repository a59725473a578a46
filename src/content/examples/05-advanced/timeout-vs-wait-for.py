import asyncio
import time

start = time.monotonic()


def since():
    return f"{time.monotonic() - start:.1f} s"


async def step(name, seconds):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"  {name} cancelled at {since()}")
        raise
    print(f"  {name} done at {since()}")


# A deadline for each await: every step gets its own second.
async def each_with_wait_for():
    await asyncio.wait_for(step("reserve", 0.6), 1)
    await asyncio.wait_for(step("pay", 0.7), 1)


# One deadline for the block: both steps share one second.
async def all_within_timeout():
    async with asyncio.timeout(1):
        await step("reserve", 0.6)
        await step("pay", 0.7)


async def checkout(label, steps):
    global start
    print(f"{label}:")
    start = time.monotonic()
    try:
        await steps()
        print(f"  checked out after {since()}")
    except TimeoutError:
        print(f"  gave up after {since()}")


async def main():
    await checkout("a deadline per step", each_with_wait_for)
    await checkout("one deadline for both", all_within_timeout)


asyncio.run(main())
