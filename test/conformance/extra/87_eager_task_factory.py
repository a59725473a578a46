"""loop.set_task_factory(asyncio.eager_task_factory) (3.12+): every new task starts eagerly; a gather of coroutines that never suspend is done before it is awaited, so the awaiting task does not yield; eager_start=False opts out; None restores lazy tasks."""
# requires: Python 3.14 (create_task's eager_start=)
import asyncio
from vclock import run, log, exc_str


async def quick(n):
    log(f"quick({n})")
    return n


async def ticker():
    for i in range(3):
        log(f"tick {i}")
        await asyncio.sleep(0)


async def main():
    loop = asyncio.get_running_loop()
    log(f"default factory: {loop.get_task_factory()}")
    asyncio.create_task(ticker())
    log(f"lazy gather -> {await asyncio.gather(quick(1), quick(2))}")
    loop.set_task_factory(asyncio.eager_task_factory)
    log(f"factory set: {loop.get_task_factory() is asyncio.eager_task_factory}")
    g = asyncio.gather(quick(3), quick(4))
    log(f"eager gather done before await: {g.done()}")
    log(f"eager gather -> {await g}")
    t = asyncio.create_task(quick(5))
    u = asyncio.create_task(quick(6), eager_start=False)
    log(f"t.done()={t.done()} u.done()={u.done()}")
    async with asyncio.TaskGroup() as tg:
        v = tg.create_task(quick(7))
        log(f"in the group: v.done()={v.done()}")
    loop.set_task_factory(asyncio.create_eager_task_factory(asyncio.Task))
    w = asyncio.create_task(quick(8))
    log(f"custom eager factory: w.done()={w.done()}")
    loop.set_task_factory(None)
    x = asyncio.create_task(quick(9))
    log(f"factory None: x.done()={x.done()}")
    try:
        loop.set_task_factory(42)
    except TypeError as e:
        log(f"set_task_factory(42): {exc_str(e)}")
    log(f"results: {[t.result(), await u, v.result(), w.result(), await x]}")


run(main())
