import asyncio
import time

import aiohttp

API = "https://api.ratelimited.example/items"


async def fetch_item(session, item_id):
    async with session.get(f"{API}/{item_id}") as resp:
        return resp.status


async def main():
    start = time.monotonic()
    async with aiohttp.ClientSession() as session:
        statuses = []
        for item_id in range(1, 10):
            statuses.append(await fetch_item(session, item_id))  # waits for each answer before asking again
        print(statuses, f"took {time.monotonic() - start:.1f} s")


asyncio.run(main())
