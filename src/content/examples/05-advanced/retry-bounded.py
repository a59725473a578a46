import asyncio
import time

import aiohttp

API = "https://api.ratelimited.example/items"
limit = asyncio.Semaphore(3)
refused = 0


async def fetch_item(session, item_id):
    global refused
    async with limit:  # the only new line
        while True:
            async with session.get(f"{API}/{item_id}") as resp:
                if resp.status != 429:
                    return resp.status
            refused += 1
            await asyncio.sleep(1)  # the API's Retry-After: try again in a second


async def main():
    start = time.monotonic()
    async with aiohttp.ClientSession() as session:
        ids = range(1, 11)
        await asyncio.gather(*(fetch_item(session, item_id) for item_id in ids))
        print(f"{refused} requests refused, took {time.monotonic() - start:.1f} s")


asyncio.run(main())
