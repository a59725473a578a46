import * as asyncio from "asyncio";
import * as aiohttp from "aiohttp";
import * as time from "time";

const urls = ["https://www.python.org/", "https://pypi.org/", "https://docs.python.org/3/library/asyncio.html"];

async function fetchStatus(url: string) {
  // A new session per request: a new connection pool, so no connection is ever reused.
  await using session = new aiohttp.ClientSession();
  const resp = await session.get(url);
  return resp.status;
}

async function main() {
  const start = time.monotonic();
  const statuses = await asyncio.gather(...urls.map((url) => fetchStatus(url)));
  print(statuses, `took ${(time.monotonic() - start).toFixed(1)} s`);
}

asyncio.run(main());
