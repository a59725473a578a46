import * as asyncio from "asyncio";
import * as aiohttp from "aiohttp";

const API = "https://api.ratelimited.example/items";
const limit = new asyncio.Semaphore(3); // at most 3 requests in flight

async function fetchItem(session: aiohttp.ClientSession, id: number) {
  await using _ = limit; // wait for a free permit; it is given back at the end of the block
  const resp = await session.get(`${API}/${id}`);
  print(`item ${id}: ${resp.status}`);
  return resp.status;
}

async function main() {
  await using session = new aiohttp.ClientSession();
  const ids = Array.from({ length: 10 }, (_, i) => i + 1);
  const statuses = await asyncio.gather(...ids.map((id) => fetchItem(session, id)));
  const refused = statuses.filter((status) => status === 429).length;
  print(`${refused} of ${statuses.length} requests refused`);
}

asyncio.run(main());
