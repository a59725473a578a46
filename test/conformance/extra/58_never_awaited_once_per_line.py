"""'coroutine ... was never awaited' is printed the moment the coroutine object is dropped (at the call statement), and with the default warning filters only once per source line and coroutine name."""
import asyncio
from vclock import run, log


async def greet(i):
    log(f"greet {i}")


async def other(i):
    pass


async def main():
    log("loop calling greet() three times on one line")
    for i in range(3):
        greet(i)
    log("same coroutine, another line")
    greet(9)
    log("two different coroutines created on one line: one warning each")
    for f in (greet, other):
        f(0)
    log("kept in a variable: no warning until it is dropped")
    c = greet(5)
    await asyncio.sleep(1)
    log("dropping it")
    del c
    log("end of main")


run(main())
