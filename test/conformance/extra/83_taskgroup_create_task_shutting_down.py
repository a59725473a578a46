"""TaskGroup: once a child failed the group is shutting down and create_task raises RuntimeError ('... is shutting down'), e.g. from a sibling's cleanup; since 3.13 the refused coroutine is closed, so no 'never awaited' warning follows."""
import asyncio
from vclock import run, log, exc_str


async def worker(name, delay):
    await asyncio.sleep(delay)
    log(f"{name} done")


async def failer():
    await asyncio.sleep(0.5)
    raise ValueError("boom")


async def adder(tg):
    try:
        await asyncio.sleep(10)
    finally:
        try:
            tg.create_task(worker("refused", 1))
        except RuntimeError as e:
            log(f"create_task while shutting down: {exc_str(e)}")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(adder(tg))
            tg.create_task(failer())
    except ExceptionGroup as eg:
        log(f"caught {[exc_str(e) for e in eg.exceptions]}")


run(main())
