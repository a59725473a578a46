import asyncio
import time


async def resize(image):
    print(f"resizing {image}")
    # Stands in for one second of pure computation: like real number
    # crunching, it keeps the thread busy and never reaches an await.
    time.sleep(1)
    print(f"{image} resized")


async def main():
    start = time.monotonic()
    await asyncio.gather(resize("cat.png"), resize("dog.png"), resize("owl.png"))
    print(f"took {time.monotonic() - start:.1f} s")


asyncio.run(main())
