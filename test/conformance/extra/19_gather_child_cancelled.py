"""When a child of gather is cancelled (not the gather), gather raises CancelledError and leaves the siblings running; with return_exceptions=True the child's CancelledError is a result entry and loses its cancel message."""
import asyncio
from vclock import run, log, exc_str


async def child(name, delay):
    await asyncio.sleep(delay)
    log(f"{name} done")
    return name


async def main():
    a = asyncio.create_task(child("A", 1))
    b = asyncio.create_task(child("B", 2))
    g = asyncio.gather(a, b)
    await asyncio.sleep(0.5)
    a.cancel("stop A")
    try:
        await g
    except asyncio.CancelledError as e:
        log(f"gather raised {exc_str(e)}; b.done()={b.done()}")
    log(f"main task cancelling()={asyncio.current_task().cancelling()} g.cancelled()={g.cancelled()}")
    c = asyncio.create_task(child("C", 1))
    d = asyncio.create_task(child("D", 1.75))
    g2 = asyncio.gather(c, d, return_exceptions=True)
    await asyncio.sleep(0.5)
    c.cancel("stop C")
    res = await g2
    log(f"return_exceptions -> {[exc_str(r) if isinstance(r, BaseException) else r for r in res]}")
    await b


run(main())
