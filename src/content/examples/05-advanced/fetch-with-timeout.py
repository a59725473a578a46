import asyncio

import aiohttp

urls = ["https://pypi.org/", "https://slow.example/", "https://blackhole.example/"]


async def fetch_with_timeout(session, url, timeout=5):
    try:
        # The client enforces this deadline itself, for this one request.
        async with session.get(url, timeout=aiohttp.ClientTimeout(total=timeout)) as resp:
            return f"{resp.status} {resp.reason}"
    except TimeoutError:
        return f"gave up after {timeout} s"


async def main():
    async with aiohttp.ClientSession() as session:
        results = await asyncio.gather(*(fetch_with_timeout(session, url, 2) for url in urls))
        for i, result in enumerate(results):
            print(f"{urls[i]}: {result}")


asyncio.run(main())
