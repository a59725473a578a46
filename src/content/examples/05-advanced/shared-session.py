import asyncio
import time

import aiohttp

urls = ["https://www.python.org/", "https://pypi.org/", "https://docs.python.org/3/library/asyncio.html"]


async def fetch_status(session, url):
    async with session.get(url) as resp:
        return resp.status


async def main():
    start = time.monotonic()
    # One session for the program: its connections are kept open and reused.
    async with aiohttp.ClientSession() as session:
        statuses = await asyncio.gather(*(fetch_status(session, url) for url in urls))
        print(statuses, f"took {time.monotonic() - start:.1f} s")


asyncio.run(main())
