import asyncio
import time

import aiohttp

urls = ["https://www.python.org/", "https://pypi.org/", "https://docs.python.org/3/library/asyncio.html"]


async def fetch_status(url):
    # A new session per request: a new connection pool, so no connection is ever reused.
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as resp:
            return resp.status


async def main():
    start = time.monotonic()
    statuses = await asyncio.gather(*(fetch_status(url) for url in urls))
    print(statuses, f"took {time.monotonic() - start:.1f} s")


asyncio.run(main())
