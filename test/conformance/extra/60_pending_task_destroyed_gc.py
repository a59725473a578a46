"""A pending task is reported as destroyed only when it is unreachable AND collected: one blocked on a future nobody else holds dies at gc.collect(); one sleeping on a timer stays reachable through the loop and is cancelled at shutdown instead."""
import asyncio
import gc
from vclock import run, log


async def waits_forever(fut):
    await fut


async def sleeper():
    try:
        await asyncio.sleep(100)
    finally:
        log("sleeper: cancelled at shutdown")


async def main():
    loop = asyncio.get_running_loop()
    asyncio.create_task(waits_forever(loop.create_future()))
    asyncio.create_task(sleeper())
    kept = asyncio.create_task(waits_forever(loop.create_future()))
    await asyncio.sleep(1)
    log(f"tasks alive: {len(asyncio.all_tasks())}")
    log("gc.collect()")
    gc.collect()
    log(f"after gc: tasks alive: {len(asyncio.all_tasks())}")
    await asyncio.sleep(1)
    log("main ends")


run(main())
log("after run")
