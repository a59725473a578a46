import asyncio

import aiohttp
from bs4 import BeautifulSoup

pages = [
    "https://www.python.org/",
    "https://refused.example/",  # nothing listens there
    "https://pypi.org/no-such-page",  # 404
    "https://docs.python.org/3/library/asyncio.html",
]


async def page_title(session, url):
    async with session.get(url) as resp:
        resp.raise_for_status()
        soup = BeautifulSoup(await resp.text(), "html.parser")
    return soup.title.string if soup.title else "(no title)"


# Each task handles its own failure, so one bad page costs only its own result.
async def safe_title(session, url):
    try:
        return await page_title(session, url)
    except aiohttp.ClientError as e:
        print(f"skipping {url}: {e}")
        return None


async def main():
    async with aiohttp.ClientSession() as session:
        titles = await asyncio.gather(*(safe_title(session, url) for url in pages))
        print(titles)


asyncio.run(main())
