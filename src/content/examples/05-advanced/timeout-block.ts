import * as asyncio from "asyncio";
import * as aiohttp from "aiohttp";

const pages = [
  "https://pypi.org/", // 0.5 s
  "https://www.python.org/", // 0.8 s
  "https://docs.python.org/3/library/asyncio.html", // 1.2 s
];

async function main() {
  await using session = new aiohttp.ClientSession();
  const fetched: string[] = [];
  try {
    await using _ = asyncio.timeout(2); // one deadline for the whole block
    for (const url of pages) {
      const resp = await session.get(url);
      fetched.push(url);
      print(`fetched ${url} (${resp.status})`);
    }
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("out of time");
  }
  print(`${fetched.length} of ${pages.length} pages fetched`);
}

asyncio.run(main());
