import * as asyncio from "asyncio";
import * as aiohttp from "aiohttp";

// This API serves at most 3 requests at a time; the rest get 429 Too Many Requests.
const API = "https://api.ratelimited.example/items";

async function fetchItem(session: aiohttp.ClientSession, id: number) {
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
