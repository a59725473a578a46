import asyncio
import time

import aiohttp

urls = ["https://httpbin.org/delay/1"] * 5


async def download(session, number, url):
    # While this request is on the wire, the loop runs the other downloads.
    async with session.get(url) as resp:
        body = await resp.text()
    print(f"request {number}: {resp.status}")
    return body


async def main():
    start = time.monotonic()
    async with aiohttp.ClientSession() as session:
        bodies = await asyncio.gather(*(download(session, i + 1, url) for i, url in enumerate(urls)))
        print(f"{len(bodies)} responses, took {time.monotonic() - start:.1f} s")


asyncio.run(main())
