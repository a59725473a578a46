import * as asyncio from "asyncio";
import * as aiohttp from "aiohttp";
import * as time from "time";

const API = "https://api.ratelimited.example/items";
const limit = new asyncio.Semaphore(3);
let refused = 0;

async function fetchItem(session: aiohttp.ClientSession, id: number) {
  await using _ = limit; // the only new line
  while (true) {
    const resp = await session.get(`${API}/${id}`);
    if (resp.status !== 429) return resp.status;
    refused += 1;
    await asyncio.sleep(1); // the API's Retry-After: try again in a second
  }
}

async function main() {
  const start = time.monotonic();
  await using session = new aiohttp.ClientSession();
  const ids = Array.from({ length: 10 }, (_, i) => i + 1);
  await asyncio.gather(...ids.map((id) => fetchItem(session, id)));
  print(`${refused} requests refused, took ${(time.monotonic() - start).toFixed(1)} s`);
}

asyncio.run(main());
