import * as asyncio from "asyncio";
import * as aiohttp from "aiohttp";
import * as time from "time";

const urls: string[] = Array(5).fill("https://httpbin.org/delay/1");

async function download(session: aiohttp.ClientSession, number: number, url: string) {
  // While this request is on the wire, the loop runs the other downloads.
  const resp = await session.get(url);
  const body = await resp.text();
  print(`request ${number}: ${resp.status}`);
  return body;
}

async function main() {
  const start = time.monotonic();
  await using session = new aiohttp.ClientSession();
  const bodies = await asyncio.gather(...urls.map((url, i) => download(session, i + 1, url)));
  print(`${bodies.length} responses, took ${(time.monotonic() - start).toFixed(1)} s`);
}

asyncio.run(main());
