"""shield() of an already-done future returns that same future (await: no yield); shield() of a coroutine wraps it in a task that keeps running when the outer future is cancelled; a shielded inner failure reaches the awaiter."""
import asyncio
from vclock import run, log, exc_str


async def work(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(name)
    log(f"{name} finished")
    return name


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_result("ready")
    s = asyncio.shield(f)
    log(f"shield(done future) is the future itself: {s is f}; await -> {await s}")
    outer = asyncio.shield(work("inner", 1))
    await asyncio.sleep(0.5)
    log(f"outer.cancel() -> {outer.cancel()}; outer.cancelled()={outer.cancelled()}")
    await asyncio.sleep(1)
    try:
        await asyncio.shield(work("failing", 0.5, fail=True))
    except ValueError as e:
        log(f"shielded failure propagates: {exc_str(e)}")


run(main())
