"""Blog: the same 5 one-second fetches run concurrently under gather take 1 s: all start at t=0, all finish at t=1, results in URL order."""
import asyncio
from vclock import run, log

URLS = [f"https://example.com/page{i}" for i in range(1, 6)]


async def fetch(url):
    log(f"fetch start {url}")
    await asyncio.sleep(1)
    log(f"fetch done  {url}")
    return f"<html {url[-5:]}>"


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    results = await asyncio.gather(*(fetch(url) for url in URLS))
    log(f"concurrent: {len(results)} pages in {loop.time() - start:.3f} s, first={results[0]} last={results[-1]}")


run(main())
