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
        resp.raise_for_status()
        soup = BeautifulSoup(await resp.text(), "html.parser")
    return soup.title.string if soup.title else "(no title)"


async def main():
    async with aiohttp.ClientSession() as session:
        # Errors come back in the list, in their page's place, instead of being raised.
        results = await asyncio.gather(*(page_title(session, url) for url in pages), return_exceptions=True)
        for i, result in enumerate(results):
            if isinstance(result, Exception):
                print(f"{pages[i]} failed: {result}")
            else:
                print(f"{pages[i]}: {result}")


asyncio.run(main())
