"""current_task() is the task running the coroutine (main is Task-1); all_tasks() holds the tasks not yet done, main included; outside a running loop both raise RuntimeError('no running event loop')."""
import asyncio
from vclock import run, log, exc_str


async def child(delay):
    await asyncio.sleep(delay)
    return asyncio.current_task().get_name()


async def main():
    me = asyncio.current_task()
    log(f"current_task: {me.get_name()} coro={me.get_coro().__qualname__}")
    a = asyncio.create_task(child(1))
    b = asyncio.create_task(child(2))
    log(f"all_tasks: {sorted(t.get_name() for t in asyncio.all_tasks())}")
    log(f"a -> {await a}")
    log(f"all_tasks after a finished: {sorted(t.get_name() for t in asyncio.all_tasks())}")
    await b


for f in (asyncio.current_task, asyncio.all_tasks):
    try:
        f()
    except RuntimeError as e:
        log(f"{f.__name__}() outside the loop: {exc_str(e)}")
run(main())
