import * as asyncio from "asyncio";
import * as aiohttp from "aiohttp";
import { BeautifulSoup } from "bs4";

const pages = [
  "https://www.python.org/", // answers in 0.8 s
  "https://docs.python.org/3/library/asyncio.html", // 1.2 s
  "https://pypi.org/", // 0.5 s
  "https://example.com/", // about 0.2 s
];

async function pageTitle(session: aiohttp.ClientSession, url: string) {
  const resp = await session.get(url);
  const soup = new BeautifulSoup(await resp.text(), "html.parser");
  return soup.title?.string ?? "(no title)";
}

async function main() {
  await using session = new aiohttp.ClientSession();
  const titles: string[] = [];
  for (const url of pages) {
    titles.push(await pageTitle(session, url)); // one page at a time
  }
  print(titles);
}

asyncio.run(main());
