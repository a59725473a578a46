import asyncio
import time


async def greet(name):
    print(f"{name} says hello")
    await asyncio.sleep(1)  # greet pauses here, and the loop runs another task
    print(f"{name} says goodbye")


async def main():
    start = time.monotonic()
    await asyncio.gather(greet("Ada"), greet("Guido"))
    print(f"took {time.monotonic() - start:.1f} s")


asyncio.run(main())
