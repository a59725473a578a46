import * as asyncio from "asyncio";
import * as aiohttp from "aiohttp";
import * as time from "time";

const urls = ["https://www.python.org/", "https://pypi.org/", "https://docs.python.org/3/library/asyncio.html"];

async function fetchStatus(session: aiohttp.ClientSession, url: string) {
  const resp = await session.get(url);
  return resp.status;
}

async function main() {
  const start = time.monotonic();
  // One session for the program: its connections are kept open and reused.
  await using session = new aiohttp.ClientSession();
  const statuses = await asyncio.gather(...urls.map((url) => fetchStatus(session, url)));
  print(statuses, `took ${(time.monotonic() - start).toFixed(1)} s`);
}

asyncio.run(main());
