import asyncio


async def count(name):
    for i in range(1, 4):
        print(f"{name} {i}")
        # Sleeping for zero seconds still suspends: this task goes to the
        # back of the ready queue, and whoever is waiting there runs first.
        await asyncio.sleep(0)


async def main():
    await asyncio.gather(count("A"), count("B"))


asyncio.run(main())
