import asyncio


async def greet(name):
    print(f"{name} says hello")
    await asyncio.sleep(1)
    print(f"{name} says goodbye")


async def main():
    greet("Ada")  # no await: this makes a coroutine object and throws it away
    print("main is done")


asyncio.run(main())
