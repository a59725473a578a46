"""Semaphore(0) with nobody to release: every acquirer waits forever; the virtual loop reports DEADLOCK (real asyncio hangs), then shutdown cancels the stuck tasks in creation order and their cleanup runs."""
import asyncio
from vclock import run, log


async def worker(sem):
    name = asyncio.current_task().get_name()
    log(f"{name} waiting (locked={sem.locked()})")
    try:
        async with sem:
            log(f"{name} never gets here")
    except asyncio.CancelledError:
        log(f"{name} cancelled while waiting on the semaphore")
        raise


async def main():
    sem = asyncio.Semaphore(0)
    ts = [asyncio.create_task(worker(sem), name=f"worker-{i}") for i in range(3)]
    await asyncio.sleep(1)
    log("main waits for the workers")
    await asyncio.gather(*ts)
    log("never printed")


r = run(main())
log(f"run returned {r}")
