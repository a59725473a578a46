"""as_completed() deduplicates its input (it builds a set), so the same task passed twice is yielded once; a task already done is yielded first without waiting; the yielded awaitables are not the input tasks."""
import asyncio
from vclock import run, log


async def job(name, delay):
    await asyncio.sleep(delay)
    return name


async def main():
    a = asyncio.create_task(job("a", 1))
    b = asyncio.create_task(job("b", 0.5))
    done = asyncio.create_task(job("done", 0))
    await asyncio.sleep(0.25)
    log(f"'done' finished before: {done.done()}")
    got = []
    for fut in asyncio.as_completed([a, b, a, done, b]):
        log(f"yielded an input task: {fut in (a, b, done)}")
        got.append(await fut)
        log(f"-> {got[-1]}")
    log(f"{len(got)} results for 5 inputs: {got}")


run(main())
