import * as asyncio from "asyncio";
import * as aiohttp from "aiohttp";

const urls = [
  "https://pypi.org/", // answers in 0.5 s
  "https://slow.example/", // answers, but only after 5 s
  "https://blackhole.example/", // never answers
];

async function fetchStatus(session: aiohttp.ClientSession, url: string) {
  const resp = await session.get(url);
  return resp.status;
}

async function main() {
  await using session = new aiohttp.ClientSession();
  for (const url of urls) {
    try {
      // At the deadline, waitFor cancels the request and raises TimeoutError.
      const status = await asyncio.waitFor(fetchStatus(session, url), 1);
      print(`${url}: ${status}`);
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      print(`${url}: no answer within 1 s`);
    }
  }
}

asyncio.run(main());
