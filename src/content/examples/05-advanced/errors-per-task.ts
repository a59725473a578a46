import * as asyncio from "asyncio";
import * as aiohttp from "aiohttp";
import { BeautifulSoup } from "bs4";

const pages = [
  "https://www.python.org/",
  "https://refused.example/", // nothing listens there
  "https://pypi.org/no-such-page", // 404
  "https://docs.python.org/3/library/asyncio.html",
];

async function pageTitle(session: aiohttp.ClientSession, url: string) {
  const resp = await session.get(url);
  resp.raiseForStatus();
  const soup = new BeautifulSoup(await resp.text(), "html.parser");
  return soup.title?.string ?? "(no title)";
}

// Each task handles its own failure, so one bad page costs only its own result.
async function safeTitle(session: aiohttp.ClientSession, url: string) {
  try {
    return await pageTitle(session, url);
  } catch (e) {
    if (!(e instanceof aiohttp.ClientError)) throw e;
    print(`skipping ${url}: ${str(e)}`);
    return null;
  }
}

async function main() {
  await using session = new aiohttp.ClientSession();
  const titles = await asyncio.gather(...pages.map((url) => safeTitle(session, url)));
  print(titles);
}

asyncio.run(main());
