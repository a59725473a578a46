import asyncio

import aiohttp

pages = [
    "https://pypi.org/",  # 0.5 s
    "https://www.python.org/",  # 0.8 s
    "https://docs.python.org/3/library/asyncio.html",  # 1.2 s
]


async def main():
    async with aiohttp.ClientSession() as session:
        fetched = []
        try:
            async with asyncio.timeout(2):  # one deadline for the whole block
                for url in pages:
                    async with session.get(url) as resp:
                        fetched.append(url)
                        print(f"fetched {url} ({resp.status})")
        except TimeoutError:
            print("out of time")
        print(f"{len(fetched)} of {len(pages)} pages fetched")


asyncio.run(main())
