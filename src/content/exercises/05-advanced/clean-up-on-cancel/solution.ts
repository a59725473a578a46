import * as asyncio from "asyncio";
import * as aiohttp from "aiohttp";

async function download(session: aiohttp.ClientSession, url: string) {
  print("download: created download.part");
  try {
    const resp = await session.get(url); // slow.example takes 5 s
    return await resp.text();
  } finally {
    // Runs however the download ends: finished, failed, or cancelled at the
    // await above. The CancelledError goes on up after it, so the task still
    // ends cancelled.
    print("download: removed download.part");
  }
}

async function main() {
  await using session = new aiohttp.ClientSession();
  const task = asyncio.createTask(download(session, "https://slow.example/"));
  await asyncio.sleep(1);
  task.cancel(); // the user pressed Stop
  try {
    await task;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("main: download stopped");
  }
}

asyncio.run(main());
