import asyncio

import aiohttp

# This API serves at most 3 requests at a time; the rest get 429 Too Many Requests.
API = "https://api.ratelimited.example/items"


async def fetch_item(session, item_id):
    async with session.get(f"{API}/{item_id}") as resp:
        print(f"item {item_id}: {resp.status}")
        return resp.status


async def main():
    async with aiohttp.ClientSession() as session:
        ids = range(1, 11)
        statuses = await asyncio.gather(*(fetch_item(session, item_id) for item_id in ids))
        refused = sum(1 for status in statuses if status == 429)
        print(f"{refused} of {len(statuses)} requests refused")


asyncio.run(main())
