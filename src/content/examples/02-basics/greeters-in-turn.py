import asyncio
import time


async def greet(name):
    print(f"{name} says hello")
    await asyncio.sleep(1)
    print(f"{name} says goodbye")


async def main():
    start = time.monotonic()
    # Awaiting a coroutine runs it to the end before the next line starts.
    await greet("Ada")
    await greet("Guido")
    print(f"took {time.monotonic() - start:.1f} s")


asyncio.run(main())
