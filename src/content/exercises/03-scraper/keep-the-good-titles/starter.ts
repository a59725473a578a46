import * as asyncio from "asyncio";
import * as aiohttp from "aiohttp";
import { BeautifulSoup } from "bs4";

const pages = [
  "https://www.python.org/",
  "https://refused.example/", // nothing listens there: refused after 0.1 s
  "https://docs.python.org/3/library/asyncio.html",
  "https://pypi.org/no-such-page", // 404 after 0.5 s
];

async function pageTitle(session: aiohttp.ClientSession, url: string) {
  const resp = await session.get(url);
  resp.raiseForStatus();
  const soup = new BeautifulSoup(await resp.text(), "html.parser");
  return soup.title?.string ?? "(no title)";
}

async function main() {
  await using session = new aiohttp.ClientSession();
  const results: unknown[] = await asyncio.gather(...pages.map((url) => pageTitle(session, url)));
  for (const [i, result] of results.entries()) {
    if (result instanceof Error) print(`${pages[i]} failed: ${str(result)}`);
    else print(`${pages[i]}: ${result}`);
  }
}

asyncio.run(main());
