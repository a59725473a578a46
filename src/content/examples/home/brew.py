import asyncio

async def brew(drink: str, seconds: float) -> None:
    print(f"start {drink}")
    await asyncio.sleep(seconds)
    print(f"{drink} ready")

async def main() -> None:
    await asyncio.gather(brew("tea", 3), brew("coffee", 2))

asyncio.run(main())
