"""Bad input gets Python's errors: awaiting a non-awaitable -> TypeError; create_task(non-coroutine) -> TypeError; asyncio.run() inside a running loop -> RuntimeError (the coroutine passed to it is then never awaited)."""
import asyncio
from vclock import run, log, exc_str


async def job():
    return 1


async def main():
    try:
        await 5
    except TypeError as e:
        log(f"await 5: {exc_str(e)}")
    try:
        await asyncio.sleep
    except TypeError as e:
        log(f"await asyncio.sleep: {exc_str(e)}")
    try:
        asyncio.create_task(5)
    except TypeError as e:
        log(f"create_task(5): {exc_str(e)}")
    try:
        asyncio.run(job())
    except RuntimeError as e:
        log(f"asyncio.run inside the loop: {exc_str(e)}")
    try:
        asyncio.Queue().task_done()
    except ValueError as e:
        log(f"task_done() on a fresh queue: {exc_str(e)}")


run(main())
