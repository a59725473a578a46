"""Task names: the main task is Task-1; unnamed tasks get Task-N from a process-wide counter; gather's wrapper tasks take numbers too, tasks created with name= do not (3.11: they did); set_name() renames and str()s its argument."""
import asyncio
from vclock import run, log


async def report():
    return asyncio.current_task().get_name()


async def main():
    log(f"main is {asyncio.current_task().get_name()}")
    a = asyncio.create_task(report())
    b = asyncio.create_task(report(), name="custom")
    c = asyncio.create_task(report())
    log(f"a={a.get_name()} b={b.get_name()} c={c.get_name()}")
    log(f"gather wrappers: {await asyncio.gather(report(), report())}")
    d = asyncio.create_task(report())
    log(f"next unnamed task: {d.get_name()}")
    d.set_name(42)
    log(f"after set_name(42): {d.get_name()!r} -> the task reports {await d!r}")
    log(f"results: {await asyncio.gather(a, b, c)}")


run(main())
