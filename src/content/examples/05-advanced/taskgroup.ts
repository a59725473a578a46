import * as asyncio from "asyncio";
import * as aiohttp from "aiohttp";

const pages = [
  "https://www.python.org/", // 0.8 s
  "https://refused.example/", // fails after 0.1 s
  "https://docs.python.org/3/library/asyncio.html", // 1.2 s
];

async function fetchStatus(session: aiohttp.ClientSession, url: string) {
  const resp = await session.get(url);
  return resp.status;
}

async function main() {
  await using session = new aiohttp.ClientSession();
  const tasks: asyncio.Task<number>[] = [];
  try {
    await using tg = new asyncio.TaskGroup();
    for (const url of pages) tasks.push(tg.createTask(fetchStatus(session, url)));
  } catch (e) {
    // The first failure cancelled the other tasks; the group raises every error together.
    if (!(e instanceof ExceptionGroup)) throw e;
    for (const error of e.exceptions) print("failed:", error);
  }
  for (const [i, task] of tasks.entries()) {
    const outcome = task.cancelled() ? "cancelled" : task.exception() !== null ? "failed" : task.result();
    print(`${pages[i]}: ${outcome}`);
  }
}

asyncio.run(main());
