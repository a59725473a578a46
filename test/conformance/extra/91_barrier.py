"""Barrier(n) (3.11+): wait() blocks until n tasks wait, then all pass together with their arrival index and the barrier refills for the next round; reset() and abort() raise BrokenBarrierError in waiters; Barrier(0) is a ValueError."""
import asyncio
import re
from vclock import run, log, exc_str


async def runner(b, name, delay):
    await asyncio.sleep(delay)
    log(f"{name} arrives, n_waiting={b.n_waiting}")
    i = await b.wait()
    log(f"{name} passes with index {i}")
    return i


def show(b):
    return re.sub(r" at 0x[0-9a-f]+", "", repr(b))


async def main():
    b = asyncio.Barrier(3)
    log(f"{show(b)} parties={b.parties} broken={b.broken}")
    r = await asyncio.gather(runner(b, "A", 1), runner(b, "B", 2), runner(b, "C", 0.5))
    log(f"round 1 -> {r} {show(b)}")
    r = await asyncio.gather(runner(b, "D", 0), runner(b, "E", 0), runner(b, "F", 0))
    log(f"round 2 -> {r}")
    t = asyncio.create_task(runner(b, "G", 0))
    await asyncio.sleep(1)
    log(show(b))
    await b.reset()
    try:
        await t
    except asyncio.BrokenBarrierError as e:
        log(f"G after reset: {exc_str(e)}, a RuntimeError: {isinstance(e, RuntimeError)}")
    t = asyncio.create_task(runner(b, "H", 0))
    await asyncio.sleep(1)
    await b.abort()
    try:
        await t
    except asyncio.BrokenBarrierError as e:
        log(f"H after abort: {exc_str(e)} broken={b.broken} {show(b)}")
    try:
        await b.wait()
    except asyncio.BrokenBarrierError as e:
        log(f"wait on a broken barrier: {exc_str(e)}")
    for bad in (0, -1):
        try:
            asyncio.Barrier(bad)
        except ValueError as e:
            log(f"Barrier({bad}): {exc_str(e)}")
    async with asyncio.Barrier(1) as pos:
        log(f"async with Barrier(1) as pos: {pos}")


run(main())
