"""wait_for(coro, timeout=0) (or < 0) wraps the coroutine in a task and cancels it before its first step: the body never runs, not even a body that would finish without suspending; an awaitable already done is returned."""
import asyncio
from vclock import run, log, exc_str


async def body(name):
    log(f"{name}: body runs")
    return name


async def main():
    for timeout in (0, -1):
        try:
            r = await asyncio.wait_for(body(f"timeout={timeout}"), timeout=timeout)
            log(f"returned {r}")
        except TimeoutError as e:
            log(f"timeout={timeout}: {exc_str(e)} (cause={type(e.__cause__).__name__})")
    t = asyncio.create_task(body("done task"))
    await asyncio.sleep(0)
    log(f"done task with timeout=0 -> {await asyncio.wait_for(t, timeout=0)}")
    f = asyncio.get_running_loop().create_future()
    f.set_result("ready")
    log(f"done future with timeout=0 -> {await asyncio.wait_for(f, timeout=0)}")
    pending = asyncio.create_task(body("pending task"))
    try:
        await asyncio.wait_for(pending, timeout=0)
    except TimeoutError:
        log(f"pending task with timeout=0 -> TimeoutError, cancelled={pending.cancelled()}")
    log(f"wait_for(timeout=None) -> {await asyncio.wait_for(body('no timeout'), timeout=None)}")


run(main())
