import * as asyncio from "asyncio";
import * as aiohttp from "aiohttp";
import { BeautifulSoup } from "bs4";

const pages = [
  "https://www.python.org/",
  "https://docs.python.org/3/library/asyncio.html",
  "https://pypi.org/no-such-page", // 404 after 0.5 s
];

async function pageTitle(session: aiohttp.ClientSession, url: string) {
  const resp = await session.get(url);
  resp.raiseForStatus(); // a 404 becomes an exception
  const soup = new BeautifulSoup(await resp.text(), "html.parser");
  print(`fetched ${url}`);
  return soup.title?.string ?? "(no title)";
}

async function main() {
  await using session = new aiohttp.ClientSession();
  try {
    const titles = await asyncio.gather(...pages.map((url) => pageTitle(session, url)));
    print(titles);
  } catch (e) {
    print("gather raised:", e);
  }
  await asyncio.sleep(1); // keep the loop running a moment: the other fetches go on
}

asyncio.run(main());
