"""TaskGroup: children failing in the same iteration are all collected, in the order they finished; a child whose cleanup (after being cancelled) raises adds its error too; the ExceptionGroup counts them."""
import asyncio
from vclock import run, log, exc_str


async def fail_at(name, delay, exc):
    await asyncio.sleep(delay)
    log(f"{name} raising {exc_str(exc)}")
    raise exc


async def bad_cleanup(name):
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        log(f"{name} cancelled, cleanup raises")
        raise KeyError(name)


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_at("A", 1, ValueError("a")))
            tg.create_task(bad_cleanup("C"))
            tg.create_task(fail_at("B", 1, TypeError("b")))
            tg.create_task(fail_at("D", 2, OSError("d")))
    except ExceptionGroup as eg:
        log(f"{exc_str(eg)} -> {[exc_str(e) for e in eg.exceptions]}")
    try:
        async with asyncio.TaskGroup() as tg:
            for i in range(3):
                tg.create_task(fail_at(f"T{i}", 0.5, RuntimeError(f"r{i}")))
    except ExceptionGroup as eg:
        log(f"{exc_str(eg)} -> {[exc_str(e) for e in eg.exceptions]}")


run(main())
