import asyncio
import time

import aiohttp

API = "https://api.ratelimited.example/items"
urls = [f"{API}/1", "https://blackhole.example/", f"{API}/2", "https://refused.example/", f"{API}/3", f"{API}/4"]
limit = asyncio.Semaphore(3)  # rule 2: bound your concurrency
timeout = aiohttp.ClientTimeout(total=2)  # rule 4: a timeout on every wait


def save_report(lines):
    time.sleep(0.5)  # a blocking write to disk
    return len(lines)


async def check(session, url):
    async with limit:
        try:
            async with session.get(url) as resp:
                return f"{url}: {resp.status}"
        except TimeoutError:  # rule 5: handle errors per task
            return f"{url}: timed out"
        except aiohttp.ClientError as e:
            return f"{url}: {e}"


async def main():
    start = time.monotonic()
    async with aiohttp.ClientSession(timeout=timeout) as session:  # applies to every request
        lines = await asyncio.gather(*(check(session, url) for url in urls))  # rule 1: await every coroutine
        saved = await asyncio.to_thread(save_report, lines)  # rule 3: never block the loop
        for line in lines:
            print(line)
        print(f"saved {saved} lines, took {time.monotonic() - start:.1f} s")


asyncio.run(main())
