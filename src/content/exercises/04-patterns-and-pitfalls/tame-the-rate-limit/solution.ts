import * as asyncio from "asyncio";
import * as aiohttp from "aiohttp";

// Serves one item a second, at most three at a time; more get 429 Too Many Requests.
const API = "https://api.ratelimited.example/items";
const limit = new asyncio.Semaphore(3); // as many as the API accepts at once

async function fetchName(session: aiohttp.ClientSession, id: number) {
  await using _ = limit; // wait for a permit; it is given back when the function ends
  const resp = await session.get(`${API}/${id}`);
  if (resp.status !== 200) return `item ${id}: refused (${resp.status})`;
  const item = (await resp.json()) as { name: string };
  return item.name;
}

async function main() {
  await using session = new aiohttp.ClientSession();
  const ids = Array.from({ length: 9 }, (_, i) => i + 1);
  const names = await asyncio.gather(...ids.map((id) => fetchName(session, id)));
  for (const name of names) print(name);
}

asyncio.run(main());
