import * as asyncio from "asyncio";
import * as aiohttp from "aiohttp";
import * as time from "time";

// Five pages to download; each takes one second to answer.
const urls: string[] = [1, 2, 3, 4, 5].map((n) => `https://httpbin.org/delay/1?page=${n}`);

async function download(session: aiohttp.ClientSession, number: number, url: string) {
  const resp = await session.get(url); // waits without blocking: the other downloads go on
  print(`page ${number}: ${resp.status}`);
}

async function main() {
  const start = time.monotonic();
  await using session = new aiohttp.ClientSession();
  await asyncio.gather(...urls.map((url, i) => download(session, i + 1, url)));
  print(`took ${(time.monotonic() - start).toFixed(1)} s`);
}

asyncio.run(main());
