"""Iteration counts: a created task runs one iteration later; a task awaiting another task resumes one iteration after the child finishes; awaiting it through gather takes one iteration more (a ticker yielding with sleep(0) counts iterations)."""
import asyncio
from vclock import run, log


async def ticker(n):
    for i in range(n):
        log(f"tick {i}")
        await asyncio.sleep(0)


async def child(name):
    log(f"{name} step 1")
    await asyncio.sleep(0)
    log(f"{name} returns")
    return name


async def main():
    tk = asyncio.create_task(ticker(12))
    log("main: create_task(child A), await it")
    r = await asyncio.create_task(child("A"))
    log(f"main resumed with {r}")
    log("main: await child B inline (no task)")
    r = await child("B")
    log(f"main resumed with {r}")
    log("main: await gather(child C)")
    r = await asyncio.gather(child("C"))
    log(f"main resumed with {r}")
    await tk


run(main())
