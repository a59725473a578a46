import * as asyncio from "asyncio";
import * as aiohttp from "aiohttp";

const urls = ["https://pypi.org/", "https://slow.example/", "https://blackhole.example/"];

async function fetchWithTimeout(session: aiohttp.ClientSession, url: string, timeout = 5) {
  try {
    // The client enforces this deadline itself, for this one request.
    const resp = await session.get(url, { timeout: new aiohttp.ClientTimeout({ total: timeout }) });
    return `${resp.status} ${resp.reason}`;
  } catch (e) {
    if (e instanceof TimeoutError) return `gave up after ${timeout} s`;
    throw e;
  }
}

async function main() {
  await using session = new aiohttp.ClientSession();
  const results = await asyncio.gather(...urls.map((url) => fetchWithTimeout(session, url, 2)));
  for (const [i, result] of results.entries()) print(`${urls[i]}: ${result}`);
}

asyncio.run(main());
