"""Event.wait() under wait_for: it returns True when set() comes in time; on timeout the waiter is cancelled and removed, the event stays unset, and a later set() wakes only the current waiters."""
import asyncio
from vclock import run, log, exc_str


async def waiter(name, ev, timeout):
    try:
        r = await asyncio.wait_for(ev.wait(), timeout)
        log(f"{name}: wait -> {r}")
    except TimeoutError as e:
        log(f"{name}: {exc_str(e)} after {timeout}s, is_set={ev.is_set()}")


async def main():
    ev = asyncio.Event()
    ts = [asyncio.create_task(waiter(n, ev, t)) for n, t in (("short", 0.5), ("long", 2), ("mid", 1.5))]
    await asyncio.sleep(1)
    log("set()")
    ev.set()
    await asyncio.gather(*ts)
    ev.clear()
    t = asyncio.create_task(waiter("after clear", ev, 0.25))
    await asyncio.sleep(0.5)
    ev.set()
    log(f"set() with no waiter left: is_set={ev.is_set()}")
    await t


run(main())
