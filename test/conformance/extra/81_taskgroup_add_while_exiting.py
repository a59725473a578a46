"""TaskGroup: a child may add sibling tasks while the group is already waiting in its exit, and the group waits for those too; the body's own tasks and late ones are treated alike."""
import asyncio
from vclock import run, log


async def worker(name, delay):
    await asyncio.sleep(delay)
    log(f"{name} done")


async def spawner(tg, depth):
    await asyncio.sleep(1)
    log(f"spawner {depth} adds a sibling")
    tg.create_task(worker(f"late-{depth}", 2))
    if depth < 2:
        tg.create_task(spawner(tg, depth + 1))


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(spawner(tg, 1))
        tg.create_task(worker("early", 0.5))
        log("body done, group waits")
    log("group exited after the last late sibling")


run(main())
