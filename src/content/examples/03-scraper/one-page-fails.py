import asyncio

import aiohttp
from bs4 import BeautifulSoup

pages = [
    "https://www.python.org/",
    "https://docs.python.org/3/library/asyncio.html",
    "https://pypi.org/no-such-page",  # 404 after 0.5 s
]


async def page_title(session, url):
    async with session.get(url) as resp:
        resp.raise_for_status()  # a 404 becomes an exception
        soup = BeautifulSoup(await resp.text(), "html.parser")
    print(f"fetched {url}")
    return soup.title.string if soup.title else "(no title)"


async def main():
    async with aiohttp.ClientSession() as session:
        try:
            titles = await asyncio.gather(*(page_title(session, url) for url in pages))
            print(titles)
        except Exception as e:
            print("gather raised:", e)
        await asyncio.sleep(1)  # keep the loop running a moment: the other fetches go on


asyncio.run(main())
