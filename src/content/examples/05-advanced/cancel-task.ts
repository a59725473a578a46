import * as asyncio from "asyncio";
import * as aiohttp from "aiohttp";

async function download(session: aiohttp.ClientSession, url: string) {
  print("download started");
  try {
    const resp = await session.get(url); // slow.example takes 5 s
    return await resp.text();
  } finally {
    // Runs whether the download finished, failed or was cancelled.
    print("download: cleaning up");
  }
}

async function main() {
  await using session = new aiohttp.ClientSession();
  const task = asyncio.createTask(download(session, "https://slow.example/"));
  await asyncio.sleep(1);
  task.cancel(); // throws CancelledError into the task at its current await
  try {
    await task;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("main: the download was cancelled");
  }
  print("cancelled:", task.cancelled());
}

asyncio.run(main());
