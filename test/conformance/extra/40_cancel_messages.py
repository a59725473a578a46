"""Cancel messages: cancel('msg') reaches the task as CancelledError('msg'); the first retrieval from the finished task re-raises that exception, later ones get a CancelledError without the message; a second cancel('other') is counted by cancelling() but its message is not used."""
import asyncio
from vclock import run, log, exc_str


async def sleeper(name):
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError as e:
        log(f"{name} sees {exc_str(e)}")
        raise


async def retrieve(what, get):
    try:
        r = get()
        if asyncio.isfuture(r):
            await r
    except asyncio.CancelledError as e:
        log(f"{what}: {exc_str(e)}")


async def main():
    t = asyncio.create_task(sleeper("t"))
    await asyncio.sleep(1)
    log(f"cancel('first') -> {t.cancel('first')}, cancel('second') -> {t.cancel('second')}, cancelling()={t.cancelling()}")
    await asyncio.sleep(0)
    log(f"t cancelled={t.cancelled()}")
    for what, get in (("await", lambda: t), ("result()", t.result), ("exception()", t.exception), ("await again", lambda: t)):
        await retrieve(what, get)
    early = asyncio.create_task(sleeper("early"))
    early.cancel("before start")
    await retrieve("await task cancelled before its first step", lambda: early)
    f = asyncio.get_running_loop().create_future()
    f.cancel("future msg")
    await retrieve("plain future result()", f.result)
    await retrieve("plain future result()", f.result)


run(main())
