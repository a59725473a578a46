"""CPython's own asyncio on the bench.md workloads, on this machine, for the ratio column.

    python3 bench/cpython.py W4 30000      one JSON line, same fields as bench.ts
W4 runs on a virtual clock (the selector advances time instead of waiting), as in bench.md.
"""
import asyncio
import json
import selectors
import statistics
import sys
import time


class VirtualSelector(selectors.SelectSelector):
    def __init__(self):
        super().__init__()
        self.loop = None

    def select(self, timeout=None):
        if timeout:
            self.loop.vnow += timeout
        return super().select(0)


class VirtualLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        self.vnow = 0.0
        sel = VirtualSelector()
        super().__init__(selector=sel)
        sel.loop = self

    def time(self):
        return self.vnow


def mulberry32(a):
    def rnd():
        nonlocal a
        a = (a + 0x6D2B79F5) & 0xFFFFFFFF
        t = ((a ^ (a >> 15)) * (1 | a)) & 0xFFFFFFFF
        t = ((t + (((t ^ (t >> 7)) * (61 | t)) & 0xFFFFFFFF)) & 0xFFFFFFFF) ^ t
        return ((t ^ (t >> 14)) & 0xFFFFFFFF) / 4294967296
    return rnd


async def w1(n):
    async def worker():
        for _ in range(100):
            await asyncio.sleep(0)
    await asyncio.gather(*(worker() for _ in range(n)))


async def w2(n):
    sem = asyncio.Semaphore(100)
    async def worker():
        async with sem:
            await asyncio.sleep(0)
    await asyncio.gather(*(worker() for _ in range(n)))


async def w3(n):
    loop = asyncio.get_running_loop()
    futs = [loop.create_future() for _ in range(n)]
    async def consumer(f):
        return await f
    async def producer():
        await asyncio.sleep(0)
        for i, f in enumerate(futs):
            f.set_result(i)
    prod = asyncio.create_task(producer())
    res = await asyncio.gather(*(consumer(f) for f in futs))
    await prod
    assert len(res) == n and res[-1] == n - 1


def run(workload, n):
    if workload == "W4":
        rnd = mulberry32(12345)
        durs = [10 * rnd() for _ in range(n)]
        loop = VirtualLoop()
        t0 = time.perf_counter()
        async def main():
            await asyncio.gather(*(asyncio.sleep(d) for d in durs))
        loop.run_until_complete(main())
        t = time.perf_counter() - t0
        assert abs(loop.time() - max(durs)) < 1e-9
        loop.close()
        return t
    fn = {"W1": w1, "W2": w2, "W3": w3}[workload]
    loop = asyncio.new_event_loop()
    t0 = time.perf_counter()
    loop.run_until_complete(fn(n))
    t = time.perf_counter() - t0
    loop.close()
    return t


def main():
    workload, n = sys.argv[1], int(sys.argv[2])
    iters = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    times = [run(workload, n) for _ in range(iters)]
    warm = statistics.median(times[len(times) // 2:])
    ops = n * 100 if workload == "W1" else n
    print(json.dumps({"impl": "cpython", "workload": workload, "n": n, "ops": ops, "elapsed_s": warm, "throughput": round(ops / warm),
                      "cold_elapsed_s": times[0], "cold_throughput": round(ops / times[0]), "iters": iters, "ok": True}))


main()
