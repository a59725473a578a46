import asyncio

import aiohttp

urls = [
    "https://pypi.org/",  # answers in 0.5 s
    "https://slow.example/",  # answers, but only after 5 s
    "https://blackhole.example/",  # never answers
]


async def fetch_status(session, url):
    async with session.get(url) as resp:
        return resp.status


async def main():
    async with aiohttp.ClientSession() as session:
        for url in urls:
            try:
                # At the deadline, wait_for cancels the request and raises TimeoutError.
                status = await asyncio.wait_for(fetch_status(session, url), 1)
                print(f"{url}: {status}")
            except TimeoutError:
                print(f"{url}: no answer within 1 s")


asyncio.run(main())
