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
  // All four requests leave at once over the one session; gather still
  // returns the titles in the order of `pages`, whoever answers first.
  const titles = await asyncio.gather(...pages.map((url) => pageTitle(session, url)));
  print(titles);
}

asyncio.run(main());
