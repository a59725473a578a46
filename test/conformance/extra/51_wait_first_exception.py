"""asyncio.wait(FIRST_EXCEPTION) returns as soon as a task raises (done holds it and whatever finished with it), without raising or cancelling; with no failure it behaves like ALL_COMPLETED; wait() refuses bare coroutines with TypeError."""
import asyncio
from vclock import run, log, exc_str


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        log(f"{name} raising")
        raise ValueError(name)
    log(f"{name} finished")
    return name


def names(tasks):
    return sorted(t.get_name() for t in tasks)


async def main():
    ts = [asyncio.create_task(job(n, d, f), name=n) for n, d, f in (("a", 1, False), ("b", 2, True), ("c", 3, False))]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    log(f"FIRST_EXCEPTION: done={names(done)} pending={names(pending)} b -> {exc_str(ts[1].exception())}")
    done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_EXCEPTION)
    log(f"no failure left: done={names(done)} pending={names(pending)}")
    ts = [asyncio.create_task(job(n, d, f), name=n) for n, d, f in (("x", 2, True), ("y", 1, False))]
    done, pending = await asyncio.wait(ts, return_when=asyncio.ALL_COMPLETED)
    log(f"ALL_COMPLETED: done={names(done)} pending={names(pending)}")
    log(f"results: {[exc_str(t.exception()) if t.exception() else t.result() for t in ts]}")
    coro = job("bare", 1)
    try:
        await asyncio.wait([coro])
    except TypeError as e:
        log(f"wait([coroutine]): {exc_str(e)}")
    coro.close()


run(main())
