import * as asyncio from "asyncio";
import * as aiohttp from "aiohttp";
import { BeautifulSoup } from "bs4";

const pages = [
  "https://www.python.org/", // 0.8 s
  "https://refused.example/", // refused after 0.1 s
  "https://docs.python.org/3/library/asyncio.html", // 1.2 s
  "https://pypi.org/", // 0.5 s
];

async function pageTitle(session: aiohttp.ClientSession, url: string) {
  const resp = await session.get(url);
  resp.raiseForStatus();
  const soup = new BeautifulSoup(await resp.text(), "html.parser");
  return soup.title?.string ?? "(no title)";
}

// Each task handles its own failure: the group never sees an error, so it
// never cancels the other tasks.
async function safeTitle(session: aiohttp.ClientSession, url: string) {
  try {
    return await pageTitle(session, url);
  } catch (e) {
    if (!(e instanceof aiohttp.ClientError)) throw e; // only the errors we expect
    print(`skipping ${url}: ${str(e)}`);
    return null;
  }
}

// What became of a task: its result, or how it ended without one.
function outcome(task: asyncio.Task<string | null>) {
  if (task.cancelled()) return "cancelled";
  return task.exception() === null ? task.result() : "failed";
}

async function main() {
  await using session = new aiohttp.ClientSession();
  const tasks: asyncio.Task<string | null>[] = [];
  try {
    await using tg = new asyncio.TaskGroup();
    for (const url of pages) tasks.push(tg.createTask(safeTitle(session, url)));
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    print("the group failed:", str(e));
  }
  print(tasks.map(outcome));
}

asyncio.run(main());
