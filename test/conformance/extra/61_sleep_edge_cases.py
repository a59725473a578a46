"""sleep(d) with d <= 0 (0, -1, -inf) is sleep(0): one bare yield, one iteration, no timer; sleep(d, result=x) returns x; sleep(NaN) raises ValueError (3.13+)."""
import asyncio
from vclock import run, log, exc_str


async def ticker(n):
    for i in range(n):
        log(f"tick {i}")
        await asyncio.sleep(0)


async def main():
    tk = asyncio.create_task(ticker(4))
    for d in (0, -1, float("-inf")):
        r = await asyncio.sleep(d, result=f"slept {d}")
        log(f"sleep({d}) -> {r!r}")
    log(f"sleep(0.5, result=...) -> {await asyncio.sleep(0.5, result={'k': 1})}")
    try:
        await asyncio.sleep(float("nan"))
        log("sleep(nan) returned")
    except ValueError as e:
        log(f"sleep(nan): {exc_str(e)}")
    await tk


run(main())
