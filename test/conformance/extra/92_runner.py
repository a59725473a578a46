"""asyncio.Runner (3.11+): run() several coroutines one after another on one loop (tasks left running go on in the next run), close() cancels what is left; a closed runner raises RuntimeError, a non-awaitable TypeError (3.11: ValueError), run() inside a running loop RuntimeError."""
import asyncio
import vclock
from vclock import log, exc_str


class Loop(vclock.VirtualLoop):
    # 3.12+ Runner.close() passes a timeout that vclock's loop does not take
    async def shutdown_default_executor(self, timeout=None):
        await super().shutdown_default_executor()


def virtual_runner():
    # a Runner on vclock's virtual loop, on a clock of its own that starts at 0 (what vclock.run() sets up)
    def factory():
        vclock._sim = sim = vclock._Sim()
        return Loop(sim)
    return asyncio.Runner(loop_factory=factory)


async def work(n):
    await asyncio.sleep(n)
    log(f"work({n}) done")
    return n * 10


async def background():
    try:
        while True:
            await asyncio.sleep(0.75)
            log("tick")
    finally:
        log("background cleaned up")


async def start_background():
    asyncio.create_task(background())
    return "started"


async def nested():
    inner = asyncio.Runner()
    c = work(0)
    try:
        inner.run(c)
    except RuntimeError as e:
        log(f"Runner.run inside a running loop: {exc_str(e)}")
        c.close()


with virtual_runner() as runner:
    log(f"first run -> {runner.run(work(1))}")
    log(f"second run -> {runner.run(start_background())}")
    log(f"third run -> {runner.run(work(2))}")
    loop = runner.get_loop()
    log(f"between runs: running={loop.is_running()} closed={loop.is_closed()} time={loop.time():.3f}")
print(f"after the with block: closed={loop.is_closed()}")
c = work(1)
try:
    runner.run(c)
except RuntimeError as e:
    print(f"run after close: {exc_str(e)}")
    c.close()
try:
    runner.get_loop()
except RuntimeError as e:
    print(f"get_loop after close: {exc_str(e)}")
runner.close()
print("a second close() does nothing")
r = virtual_runner()
try:
    r.run(42)
except (TypeError, ValueError) as e:
    print(f"run(42): {exc_str(e)}")
r.close()
with virtual_runner() as r2:
    r2.run(nested())
