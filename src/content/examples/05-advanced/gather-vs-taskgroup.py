import asyncio
import time

start = time.monotonic()
cancelled = []


def since():
    return f"{time.monotonic() - start:.1f} s"


async def job(name, seconds, fails=False):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        cancelled.append(name)
        raise
    if fails:
        raise ValueError(f"{name} failed")
    print(f"  {name} finished at {since()}")
    return name


def report():
    print(f"  still running: {len(asyncio.all_tasks()) - 1}, cancelled: {sorted(cancelled)}")


async def with_gather():
    try:
        await asyncio.gather(job("a", 0.8), job("b", 0.1, True), job("c", 1.2))
    except ValueError as e:
        print(f"  gather raised {e!r} at {since()}")
    report()
    await asyncio.sleep(1.9)  # main carries on with other work, and so do a and c


async def with_task_group():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("a", 0.8))
            tg.create_task(job("b", 0.1, True))
            tg.create_task(job("c", 1.2))
    except* ValueError as group:
        print(f"  the group raised {group!r} at {since()}")
    report()


async def main():
    global start
    print("gather:")
    await with_gather()
    print("TaskGroup:")
    start = time.monotonic()
    await with_task_group()


asyncio.run(main())
