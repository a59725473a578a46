"""Lock and Semaphore waiters cancelled while queued are skipped without disturbing FIFO order; a waiter that was woken by release() but cancelled before it ran passes the permit on, so nothing is leaked."""
import asyncio
from vclock import run, log


async def user(name, prim):
    try:
        async with prim:
            log(f"{name} acquired")
            await asyncio.sleep(1)
    except asyncio.CancelledError:
        log(f"{name} cancelled while waiting")
        raise


async def scenario(label, prim):
    log(f"--- {label}")
    await prim.acquire()
    ts = {n: asyncio.create_task(user(n, prim)) for n in ("W1", "W2", "W3", "W4")}
    await asyncio.sleep(0.5)
    ts["W2"].cancel()
    await asyncio.sleep(0.5)
    prim.release()
    log(f"released; W1 woken but cancelled before it runs -> {ts['W1'].cancel()}")
    await asyncio.gather(*ts.values(), return_exceptions=True)
    log(f"{label} locked() at the end: {prim.locked()}")


async def main():
    await scenario("Lock", asyncio.Lock())
    await scenario("Semaphore(1)", asyncio.Semaphore(1))


run(main())
