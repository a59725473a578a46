"""g.cancel() on a pending gather returns True and cancels every child; the gather then ends with a CancelledError *exception*: g.cancelled() is False, awaiting it raises CancelledError."""
import asyncio
from vclock import run, log, exc_str


async def child(name, delay):
    try:
        await asyncio.sleep(delay)
        log(f"{name} done")
        return name
    except asyncio.CancelledError:
        log(f"{name} cancelled")
        raise


async def main():
    a = asyncio.create_task(child("A", 1))
    b = asyncio.create_task(child("B", 2))
    g = asyncio.gather(a, b, child("C", 3))
    await asyncio.sleep(1.5)
    log(f"A done={a.done()}; g.cancel() -> {g.cancel()}")
    log(f"right after: g.done()={g.done()} b.cancelled()={b.cancelled()}")
    try:
        await g
    except asyncio.CancelledError as e:
        log(f"await g -> {exc_str(e)}")
    log(f"g.done()={g.done()} g.cancelled()={g.cancelled()} exception={type(g.exception()).__name__}")
    log(f"children: A={a.result()} B cancelled={b.cancelled()}; g.cancel() again -> {g.cancel()}")


run(main())
