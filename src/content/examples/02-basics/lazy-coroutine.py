import asyncio


async def greet(name):
    print(f"{name} says hello")
    await asyncio.sleep(1)
    print(f"{name} says goodbye")


async def main():
    coro = greet("Ada")  # a coroutine object: none of greet's body has run
    print("coroutine created")
    await asyncio.sleep(1)  # main yields for a whole second...
    print("still nothing from Ada")  # ...and a bare coroutine never runs on its own
    await coro  # now greet runs, inside main's task


asyncio.run(main())
