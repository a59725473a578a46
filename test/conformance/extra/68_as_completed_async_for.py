"""Since 3.13 as_completed() is also an async iterator: `async for` yields the original tasks themselves in completion order (plain iteration still yields new awaitables); the timeout raises TimeoutError from the iterator."""
import asyncio
from vclock import run, log, exc_str


async def job(name, delay):
    await asyncio.sleep(delay)
    return name


async def main():
    ts = [asyncio.create_task(job(n, d), name=n) for n, d in (("slow", 2), ("fast", 0.5), ("mid", 1))]
    try:
        async for t in asyncio.as_completed(ts):
            log(f"async for -> the task itself: {t in ts}, {t.get_name()} = {t.result()}")
    except TypeError as e:
        log(f"async for not supported: {exc_str(e)}")
        for fut in asyncio.as_completed(ts):
            log(f"plain for -> {await fut}")
    ts = [asyncio.create_task(job(n, d)) for n, d in (("p", 1), ("q", 3))]
    try:
        async for t in asyncio.as_completed(ts, timeout=2):
            log(f"with timeout: {t.result()}")
    except TimeoutError as e:
        log(f"iterator raised {exc_str(e)}; q done={ts[1].done()}")
    except TypeError:
        log("async for not supported")


run(main())
