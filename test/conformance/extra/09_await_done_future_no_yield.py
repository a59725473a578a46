"""Awaiting something already done does not yield: a done future (result or exception), a finished task, a coroutine that returns without awaiting; other ready tasks run only at a real suspension."""
import asyncio
from vclock import run, log, exc_str


async def other():
    log("other task runs")


async def instant():
    return "instant"


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(other())
    f = loop.create_future()
    f.set_result(5)
    log(f"await done future -> {await f}; again -> {await f} (other done={t.done()})")
    bad = loop.create_future()
    bad.set_exception(KeyError("k"))
    try:
        await bad
    except KeyError as e:
        log(f"await failed future -> {exc_str(e)} (other done={t.done()})")
    log(f"await instant() -> {await instant()} (other done={t.done()})")
    await asyncio.sleep(0)
    log(f"after sleep(0): other done={t.done()}")
    t2 = asyncio.create_task(other())
    log(f"await finished task -> {await t!r} (t2 done={t2.done()})")
    log(f"await t2 -> {await t2!r}")


run(main())
