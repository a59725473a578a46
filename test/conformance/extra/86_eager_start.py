"""create_task(coro, eager_start=True) (3.14): the coroutine runs at once, inside create_task, as the current task, up to its first real suspension; one that never suspends is done on return (its get_coro() is None); an error stays in the task."""
# requires: Python 3.14 (create_task's eager_start=)
import asyncio
from vclock import run, log, exc_str


async def quick(n):
    log(f"quick({n}) runs in {asyncio.current_task().get_name()}")
    return n * 2


async def slow(n):
    log(f"slow({n}) starts")
    await asyncio.sleep(1)
    log(f"slow({n}) ends")
    return n


async def boom():
    log("boom runs")
    raise ValueError("eager boom")


async def main():
    lazy = asyncio.create_task(quick(0))
    t = asyncio.create_task(quick(1), eager_start=True)
    log(f"after create: lazy.done()={lazy.done()} t.done()={t.done()} result={t.result()} coro={t.get_coro()}")
    s = asyncio.create_task(slow(2), eager_start=True)
    log(f"after create: s.done()={s.done()}, back in {asyncio.current_task().get_name()}")
    b = asyncio.create_task(boom(), eager_start=True)
    log(f"boom: done={b.done()} exception={exc_str(b.exception())}")
    log(f"pending tasks: {sorted(x.get_name() for x in asyncio.all_tasks())}")
    async with asyncio.TaskGroup() as tg:
        g1 = tg.create_task(slow(3), eager_start=True)
        g2 = tg.create_task(quick(4), eager_start=True)
        log(f"in the group: g1.done()={g1.done()} g2.done()={g2.done()}")
    log(f"results: {[lazy.result(), s.result() if s.done() else None, g1.result(), g2.result()]}")
    log(f"s -> {await s}")


run(main())
