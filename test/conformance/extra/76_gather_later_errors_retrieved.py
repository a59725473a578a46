"""gather() without return_exceptions propagates the first error; the errors of children failing later are marked retrieved, so no 'Task exception was never retrieved' follows; a failed task only seen through asyncio.wait() does warn once dropped."""
import asyncio
from vclock import run, log, exc_str


async def fail(name, delay):
    await asyncio.sleep(delay)
    log(f"{name} raising")
    raise ValueError(name)


async def main():
    try:
        await asyncio.gather(fail("first", 1), fail("second", 2))
    except ValueError as e:
        log(f"gather raised {exc_str(e)}")
    await asyncio.sleep(2)
    log("no warning for 'second'")
    t = asyncio.create_task(fail("waited", 0.5))
    done, _ = await asyncio.wait([t])
    log(f"wait() returned {len(done)} done task; dropping it unretrieved")
    del t, done
    log("main ends")


run(main())
