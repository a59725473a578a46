"""Lock misuse: release() of an unlocked Lock raises RuntimeError('Lock is not acquired.'); a Lock has no owner, so another task may release it; Condition.wait()/notify() without holding its lock raise RuntimeError."""
import asyncio
from vclock import run, log, exc_str


async def holder(lock):
    await lock.acquire()
    log("holder acquired, never releases")
    await asyncio.sleep(10)


async def main():
    lock = asyncio.Lock()
    try:
        lock.release()
    except RuntimeError as e:
        log(f"release unlocked: {exc_str(e)}")
    h = asyncio.create_task(holder(lock))
    await asyncio.sleep(1)
    log(f"locked={lock.locked()}; main releases the holder's lock")
    lock.release()
    log(f"locked={lock.locked()}; acquire -> {await lock.acquire()}")
    lock.release()
    cond = asyncio.Condition()
    for what, call in (("wait", cond.wait), ("notify", cond.notify), ("notify_all", cond.notify_all)):
        try:
            r = call()
            if asyncio.iscoroutine(r):
                await r
        except RuntimeError as e:
            log(f"Condition.{what}() without lock: {exc_str(e)}")
    h.cancel()


run(main())
