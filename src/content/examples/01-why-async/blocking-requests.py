import asyncio
import time

import requests

# Five requests to an endpoint that takes exactly one second to answer.
urls = ["https://httpbin.org/delay/1"] * 5


async def main():
    start = time.monotonic()
    bodies = []
    for i, url in enumerate(urls):
        # requests.get blocks: the event loop can do nothing else until it returns.
        resp = requests.get(url)
        print(f"request {i + 1}: {resp.status_code}")
        bodies.append(resp.text)
    print(f"{len(bodies)} responses, took {time.monotonic() - start:.1f} s")


asyncio.run(main())
