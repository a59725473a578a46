import asyncio
import time

import requests

urls = ["https://httpbin.org/delay/1"] * 3


async def fetch_status(url):
    # requests.get blocks, so run it on a worker thread: only that thread waits.
    resp = await asyncio.to_thread(requests.get, url)
    return resp.status_code


async def main():
    start = time.monotonic()
    statuses = await asyncio.gather(*map(fetch_status, urls))
    print(statuses, f"took {time.monotonic() - start:.1f} s")


asyncio.run(main())
