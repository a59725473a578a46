import asyncio
import functools
import time

start = time.monotonic()


def since():
    return f"{time.monotonic() - start:.1f} s"


def load_report(name, *, pages=1):
    time.sleep(0.5 * pages)  # a blocking library call
    return f"{name}: {pages} pages at {since()}"


async def the_old_way():
    loop = asyncio.get_running_loop()
    # run_in_executor passes no keyword arguments: wrap the call.
    return await loop.run_in_executor(None, functools.partial(load_report, "the old way", pages=2))


async def the_new_way():
    return await asyncio.to_thread(load_report, "the new way", pages=2)


async def main():
    reports = await asyncio.gather(the_old_way(), the_new_way())
    for report in reports:
        print(report)
    print(f"both done after {since()}")


asyncio.run(main())
