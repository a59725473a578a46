import asyncio

import aiohttp


async def download(session, url):
    print("download started")
    try:
        async with session.get(url) as resp:  # slow.example takes 5 s
            return await resp.text()
    finally:
        # Runs whether the download finished, failed or was cancelled.
        print("download: cleaning up")


async def main():
    async with aiohttp.ClientSession() as session:
        task = asyncio.create_task(download(session, "https://slow.example/"))
        await asyncio.sleep(1)
        task.cancel()  # throws CancelledError into the task at its current await
        try:
            await task
        except asyncio.CancelledError:
            print("main: the download was cancelled")
        print("cancelled:", task.cancelled())


asyncio.run(main())
