import asyncio

import aiohttp
from bs4 import BeautifulSoup

pages = [
    "https://www.python.org/",  # answers in 0.8 s
    "https://docs.python.org/3/library/asyncio.html",  # 1.2 s
    "https://pypi.org/",  # 0.5 s
]


async def page_title(session, url):
    async with session.get(url) as resp:
        soup = BeautifulSoup(await resp.text(), "html.parser")
    print(f"fetched {url}")
    return soup.title.string if soup.title else "(no title)"


async def main():
    # One session for the whole program: every request shares its connections.
    async with aiohttp.ClientSession() as session:
        titles = await asyncio.gather(*(page_title(session, url) for url in pages))
        print(titles)


asyncio.run(main())
