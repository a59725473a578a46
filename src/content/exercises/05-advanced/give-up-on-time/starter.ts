import * as asyncio from "asyncio";
import * as aiohttp from "aiohttp";

// Three mirrors of the same download; the program reports on each.
const mirrors = [
  "https://pypi.org/", // answers in 0.5 s
  "https://blackhole.example/", // accepts the connection, never answers
  "https://www.python.org/", // answers in 0.8 s
];

async function probe(session: aiohttp.ClientSession, url: string) {
  try {
    const resp = await session.get(url);
    return `${url}: ${resp.status}`;
  } catch (e) {
    if (e instanceof TimeoutError) return `${url}: no answer`;
    throw e;
  }
}

async function main() {
  await using session = new aiohttp.ClientSession();
  const reports = await asyncio.gather(...mirrors.map((url) => probe(session, url)));
  for (const report of reports) print(report);
}

asyncio.run(main());
