import * as asyncio from "asyncio";
import * as aiohttp from "aiohttp";
import * as time from "time";

const API = "https://api.ratelimited.example/items";
const BATCH = 3; // as many as the API accepts at once

async function fetchItem(session: aiohttp.ClientSession, id: number) {
  const resp = await session.get(`${API}/${id}`);
  return resp.status;
}

async function main() {
  const start = time.monotonic();
  await using session = new aiohttp.ClientSession();
  const ids = Array.from({ length: 9 }, (_, i) => i + 1);
  const statuses: unknown[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    statuses.push(...(await asyncio.gather(...batch.map((id) => fetchItem(session, id)))));
  }
  print(statuses, `took ${(time.monotonic() - start).toFixed(1)} s`);
}

asyncio.run(main());
