import asyncio


async def save_report():
    print("saving the report...")
    await asyncio.sleep(2)  # a write that must not be cut off halfway
    print("report saved")
    return "report.pdf"


async def main():
    save = asyncio.create_task(save_report())
    try:
        # The timeout cancels the shield, not the save behind it.
        await asyncio.wait_for(asyncio.shield(save), 1)
    except TimeoutError:
        print("stopped waiting after 1 s; the save goes on")
    print("saved as", await save)


asyncio.run(main())
