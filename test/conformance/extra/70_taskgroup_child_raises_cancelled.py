"""TaskGroup: a child that raises CancelledError by itself (or is cancelled by someone) simply ends cancelled; it is not an error, the siblings keep running and the group exits normally."""
import asyncio
from vclock import run, log


async def quitter():
    await asyncio.sleep(0.5)
    log("quitter raises CancelledError itself")
    raise asyncio.CancelledError("I quit")


async def worker(name, delay):
    await asyncio.sleep(delay)
    log(f"{name} finished")
    return name


async def main():
    async with asyncio.TaskGroup() as tg:
        q = tg.create_task(quitter())
        w1 = tg.create_task(worker("w1", 1))
        w2 = tg.create_task(worker("w2", 2))
        await asyncio.sleep(1.5)
        log(f"quitter cancelled={q.cancelled()}; cancelling w2 from the body")
        w2.cancel()
    log(f"group exited normally: w1={w1.result()} w2 cancelled={w2.cancelled()}")
    log(f"main cancelling()={asyncio.current_task().cancelling()}")


run(main())
