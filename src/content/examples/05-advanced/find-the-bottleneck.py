import asyncio
import time

import aiohttp


def load_settings():
    time.sleep(0.5)  # reads a large settings file from a slow disk
    return {"theme": "dark"}


async def refresh_settings():
    return load_settings()


async def fetch_status(session, url):
    async with session.get(url) as resp:
        return resp.status


async def main():
    start = time.monotonic()
    async with aiohttp.ClientSession() as session:
        results = await asyncio.gather(
            refresh_settings(),
            fetch_status(session, "https://www.python.org/"),
            fetch_status(session, "https://pypi.org/"),
            fetch_status(session, "https://slow.example/"),
        )
        print(results)
        print(f"took {time.monotonic() - start:.1f} s")


asyncio.run(main())
