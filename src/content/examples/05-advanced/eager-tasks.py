import asyncio

cache = {"python.org": "Welcome to Python.org"}


async def title(host):
    if host in cache:
        print(f"  {host}: from the cache")  # no await on this path
        return cache[host]
    print(f"  {host}: fetching")
    await asyncio.sleep(1)  # stands in for a request
    print(f"  {host}: fetched")
    return f"{host}'s title"


async def look_up(eager):
    tasks = []
    for host in ["python.org", "pypi.org"]:
        task = asyncio.create_task(title(host), eager_start=eager)
        print(f"  created the task for {host}, done: {task.done()}")
        tasks.append(task)
    print("  main awaits")
    await asyncio.gather(*tasks)


async def main():
    print("lazy tasks:")
    await look_up(False)
    print("eager tasks:")
    await look_up(True)


asyncio.run(main())
