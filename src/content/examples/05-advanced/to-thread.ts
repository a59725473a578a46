import * as asyncio from "asyncio";
import * as requests from "requests";
import * as time from "time";

const urls: string[] = Array(3).fill("https://httpbin.org/delay/1");

async function fetchStatus(url: string) {
  // requests.get blocks, so run it on a worker thread: only that thread waits.
  const resp = await asyncio.toThread(requests.get, url);
  return resp.statusCode;
}

async function main() {
  const start = time.monotonic();
  const statuses = await asyncio.gather(...urls.map(fetchStatus));
  print(statuses, `took ${(time.monotonic() - start).toFixed(1)} s`);
}

asyncio.run(main());
