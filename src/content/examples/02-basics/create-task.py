import asyncio


async def greet(name):
    print(f"{name} says hello")
    await asyncio.sleep(1)
    print(f"{name} says goodbye")


async def main():
    task = asyncio.create_task(greet("Ada"))
    print("task created")  # scheduled, but greet has not started yet
    await asyncio.sleep(0)  # main yields, so the task takes its first step
    print("main is back")
    await task  # wait for the task to finish
    print("task done:", task.done())


asyncio.run(main())
