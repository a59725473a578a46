import asyncio

import aiohttp

pages = [
    "https://www.python.org/",  # 0.8 s
    "https://refused.example/",  # fails after 0.1 s
    "https://docs.python.org/3/library/asyncio.html",  # 1.2 s
]


async def fetch_status(session, url):
    async with session.get(url) as resp:
        return resp.status


async def main():
    async with aiohttp.ClientSession() as session:
        tasks = []
        try:
            async with asyncio.TaskGroup() as tg:
                for url in pages:
                    tasks.append(tg.create_task(fetch_status(session, url)))
        except ExceptionGroup as e:
            # The first failure cancelled the other tasks; the group raises every error together.
            for error in e.exceptions:
                print("failed:", error)
        for i, task in enumerate(tasks):
            if task.cancelled():
                outcome = "cancelled"
            elif task.exception() is not None:
                outcome = "failed"
            else:
                outcome = task.result()
            print(f"{pages[i]}: {outcome}")


asyncio.run(main())
