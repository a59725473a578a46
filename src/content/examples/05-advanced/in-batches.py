import asyncio
import time

import aiohttp

API = "https://api.ratelimited.example/items"
BATCH = 3  # as many as the API accepts at once


async def fetch_item(session, item_id):
    async with session.get(f"{API}/{item_id}") as resp:
        return resp.status


async def main():
    start = time.monotonic()
    async with aiohttp.ClientSession() as session:
        ids = list(range(1, 10))
        statuses = []
        for i in range(0, len(ids), BATCH):
            batch = ids[i : i + BATCH]
            statuses.extend(await asyncio.gather(*(fetch_item(session, item_id) for item_id in batch)))
        print(statuses, f"took {time.monotonic() - start:.1f} s")


asyncio.run(main())
