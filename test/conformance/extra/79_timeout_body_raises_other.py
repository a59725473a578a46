"""When the body turns the timeout's CancelledError into another exception, timeout() lets that exception through; current Python inserts a TimeoutError into its __context__ chain (3.11: only the CancelledError)."""
import asyncio
from vclock import run, log, exc_str


async def main():
    try:
        async with asyncio.timeout(1) as cm:
            try:
                await asyncio.sleep(5)
            except asyncio.CancelledError:
                log("body: cancelled, raising RuntimeError instead")
                raise RuntimeError("converted")
    except RuntimeError as e:
        chain = []
        c = e.__context__
        while c is not None:
            chain.append(type(c).__name__)
            c = c.__context__
        log(f"caught {exc_str(e)}; expired={cm.expired()}; context chain: {chain}")


run(main())
